package de.ringportal.core.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import de.ringportal.core.api.StoreBusyException;

/**
 * Runs one write from many threads that all start at the same moment (a {@link CyclicBarrier}) and sorts what came
 * back: results, writes refused as busy ({@link StoreBusyException}), and everything else, which a safe store
 * never throws.
 */
public final class ConcurrentWrites {

    /** One writer's call; {@code index} tells the writers apart. */
    @FunctionalInterface
    public interface Write<T> {
        T run(int index) throws Exception;
    }

    /** What the writers got back. */
    public record Outcome<T>(List<T> results, int busy, List<Throwable> failures) {

        /** The failures as text, for an assertion message. */
        public String describeFailures() {
            StringBuilder text = new StringBuilder();
            for (Throwable failure : failures) {
                text.append('\n').append(failure);
                for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
                    text.append("\n  caused by ").append(cause);
                }
            }
            return text.toString();
        }
    }

    private ConcurrentWrites() {
    }

    public static <T> Outcome<T> run(int threads, Write<T> write) throws InterruptedException {
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<T> results = Collections.synchronizedList(new ArrayList<>());
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        int[] busy = new int[1];
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int index = i;
            running.add(pool.submit(() -> {
                try {
                    start.await();
                    results.add(write.run(index));
                } catch (Exception | Error e) {
                    if (StoreBusyException.isCause(e)) {
                        synchronized (busy) {
                            busy[0]++;
                        }
                    } else {
                        failures.add(e);
                    }
                }
                return null;
            }));
        }
        pool.shutdown();
        // a guard against a hung writer, not a measure of speed
        if (!pool.awaitTermination(5, TimeUnit.MINUTES)) {
            pool.shutdownNow();
            throw new IllegalStateException("Writers still running after five minutes");
        }
        synchronized (busy) {
            return new Outcome<>(List.copyOf(results), busy[0], List.copyOf(failures));
        }
    }
}
