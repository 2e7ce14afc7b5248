package org.asyncio4j.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The measured values of one figure (workload and unit) of one contender, one per measured repetition. */
final class Figure {
    final Contender contender;
    final String name;
    final String unit;
    final int n;
    final List<Double> values = new ArrayList<>();
    /** Why the figure has no values, or null. */
    String missing;

    Figure(Contender contender, String name, String unit, int n) {
        this.contender = contender;
        this.name = name;
        this.unit = unit;
        this.n = n;
    }

    boolean measured() {
        return !values.isEmpty();
    }

    double min() {
        return sorted()[0];
    }

    /** The median; for an even count, the mean of the two middle values. */
    double median() {
        double[] s = sorted();
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }

    private double[] sorted() {
        double[] s = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(s);
        return s;
    }

    String json() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "{\"contender\":\"%s\",\"label\":\"%s\",\"figure\":\"%s\",\"unit\":\"%s\",\"n\":%d",
            contender.key(), contender.label(), name, unit, n));
        if (measured()) {
            b.append(String.format(Locale.ROOT, ",\"min\":%.3f,\"median\":%.3f,\"values\":[", min(), median()));
            for (int i = 0; i < values.size(); i++) {
                b.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.3f", values.get(i)));
            }
            b.append(']');
        } else {
            b.append(",\"missing\":\"").append(missing == null ? "" : missing.replace("\"", "'")).append('"');
        }
        return b.append('}').toString();
    }
}
