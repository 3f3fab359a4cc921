import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

import de.ringportal.auth.internal.Passwords;

/**
 * CPU and wall time of one Argon2id hash and one check with the portal's own code (the accounts bundle's Passwords,
 * password4j embedded in it), on one thread, after a warm-up. Run by auth-benchmark.sh:
 * {@code java -cp auth.jar:slf4j-api.jar Argon2Bench.java [runs]}. Prints "key value" lines.
 */
public class Argon2Bench {

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Passwords passwords = new Passwords();
        String password = "Benchmark-Passwort-2026";
        String hash = passwords.hash(password);
        for (int i = 0; i < 5; i++) {
            passwords.matches(password, passwords.hash(password));
        }
        double[] hashCpu = new double[runs];
        double[] hashWall = new double[runs];
        double[] checkCpu = new double[runs];
        double[] checkWall = new double[runs];
        for (int i = 0; i < runs; i++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            passwords.hash(password);
            hashCpu[i] = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
            hashWall[i] = (System.nanoTime() - wall) / 1e6;
            cpu = threads.getCurrentThreadCpuTime();
            wall = System.nanoTime();
            if (!passwords.matches(password, hash)) {
                throw new IllegalStateException("the check failed");
            }
            checkCpu[i] = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
            checkWall[i] = (System.nanoTime() - wall) / 1e6;
        }
        System.out.println("parameters " + hash.substring(0, hash.indexOf('$', hash.indexOf("m=")) + 1));
        System.out.println("runs " + runs);
        print("hash_cpu_ms", hashCpu);
        print("hash_wall_ms", hashWall);
        print("check_cpu_ms", checkCpu);
        print("check_wall_ms", checkWall);
    }

    /** Median, then min and max. */
    private static void print(String key, double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        System.out.printf("%s %.1f %.1f %.1f%n", key, median, sorted[0], sorted[sorted.length - 1]);
    }
}
