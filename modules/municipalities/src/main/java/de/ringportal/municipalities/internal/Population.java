package de.ringportal.municipalities.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Area and population of every Kreis on 31.12.2018 from the bundled Destatis file (GV-ISys, CC BY 4.0). Read once;
 * the file does not change at run time.
 */
public final class Population {

    /** The attribution the licence asks for, shown wherever the figures are. */
    public static final String SOURCE = "© Statistisches Bundesamt (Destatis), 2019; Gemeindeverzeichnis-"
            + "Informationssystem GV-ISys, Stand 31.12.2018; Lizenz CC BY 4.0";
    static final String FILE = "data/kreise-destatis-2018.csv";

    /** One Kreis. */
    public record Figures(String ags, String name, BigDecimal areaKm2, int population, int perKm2) {
    }

    private final Map<String, Figures> byAgs;

    private Population(Map<String, Figures> byAgs) {
        this.byAgs = Map.copyOf(byAgs);
    }

    public static Population bundled() {
        try (InputStream in = Population.class.getClassLoader().getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is missing from the bundle");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Population read(InputStream in) throws IOException {
        Map<String, Figures> figures = new HashMap<>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true)
                .get().parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (CSVRecord row : parser) {
                figures.put(row.get("AGS"), new Figures(row.get("AGS"), row.get("name"),
                        new BigDecimal(row.get("area_km2")), Integer.parseInt(row.get("population")),
                        Integer.parseInt(row.get("population_per_km2"))));
            }
        }
        return new Population(figures);
    }

    public boolean has(String ags) {
        return byAgs.containsKey(ags);
    }

    public Optional<Figures> of(String ags) {
        return Optional.ofNullable(byAgs.get(ags));
    }
}
