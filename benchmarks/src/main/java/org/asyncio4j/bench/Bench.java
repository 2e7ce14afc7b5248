package org.asyncio4j.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.asyncio4j.Asyncio;
import org.asyncio4j.Engine;
import org.asyncio4j.LoopConfig;

/**
 * Runs every workload for every contender in this one JVM and prints a table: min and median per unit
 * over the measured repetitions, and the ratio to raw kotlinx.coroutines. Warm-up repetitions of each
 * contender come first; the measured repetitions are interleaved (one of each contender in turn), so that
 * a slow phase of a shared machine does not fall on one contender only. See benchmarks/README.md.
 */
public final class Bench {
    private static final PrintStream OUT = System.out;
    private static final double CONTINUATION_MAX_RATIO = 3.0;
    private static final double CONTINUATION_MAX_BYTES = 600;
    private static final double CPYTHON_BYTES_PER_TASK = 1180;
    private static final double CONTINUATION_MAX_NS_PER_GATHER_CHILD = 250;
    private static final double CONTINUATION_MAX_NS_PER_WAITFOR = 500;
    private static final double CONTINUATION_MAX_NS_PER_LOCK = 300;
    private static final double CONTINUATION_MAX_NS_PER_QUEUE_MESSAGE = 300;

    private Bench() {
    }

    /**
     * Entry point; see {@link Options#USAGE}.
     *
     * @param args the options
     * @throws IOException if the JSON file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        List<Contender> contenders = new ArrayList<>();
        Map<String, String> unavailable = new LinkedHashMap<>();
        for (String key : o.contenders) {
            String why = unavailableReason(key);
            if (why != null) {
                unavailable.put(key, why);
            } else {
                contenders.add(create(key, o));
            }
        }
        header(o, contenders, unavailable);
        List<Figure> figures = new ArrayList<>();
        for (Workload w : o.workloads) {
            figures.addAll(measure(w, o.sizes.get(w), o, contenders));
        }
        for (Contender c : contenders) {
            c.close();
        }
        table(figures, unavailable);
        targets(figures);
        if (o.json != null) {
            Files.write(Path.of(o.json), figures.stream().map(Figure::json).collect(Collectors.toList()));
        }
    }

    private static Contender create(String key, Options o) {
        return switch (key) {
            case "kotlinx" -> new KotlinRaw(o.kotlinSingleThread);
            case "continuation" -> new JavaBodies(Engine.CONTINUATION);
            case "virtual" -> new JavaBodies(Engine.VIRTUAL_THREADS);
            case "kotlin-tasks" -> new KotlinTasks();
            default -> throw new IllegalArgumentException("unknown contender " + key);
        };
    }

    /** @return why a contender cannot run in this JVM, or null */
    private static String unavailableReason(String key) {
        if (key.equals("continuation")) {
            try {
                Asyncio.newEventLoop(LoopConfig.defaults().withEngine(Engine.CONTINUATION)).close();
            } catch (IllegalStateException e) {
                return "not measured: " + e.getMessage();
            }
        }
        return null;
    }

    private static List<Figure> measure(Workload w, int n, Options o, List<Contender> contenders) {
        Map<Contender, Figure[]> out = new LinkedHashMap<>();
        for (Contender c : contenders) {
            out.put(c, w == Workload.SUSPENDED
                ? new Figure[] {new Figure(c, "suspended", "B/task", n), new Figure(c, "suspended-spawn", "ns/task", n)}
                : new Figure[] {new Figure(c, w.label, w.unit, n)});
        }
        long start = System.nanoTime();
        for (Contender c : contenders) {
            for (int i = 0; i < o.warmupOf(w); i++) {
                runOnce(c, w, warmupSize(w, n));
            }
        }
        for (int rep = 0; rep < o.repsOf(w); rep++) {
            for (Contender c : contenders) {
                Sample s = runOnce(c, w, n);
                Figure[] f = out.get(c);
                f[0].values.add(w == Workload.SUSPENDED ? (double) s.heapBytes() / n : (double) s.nanos() / w.units(n));
                if (w == Workload.SUSPENDED) {
                    f[1].values.add((double) s.nanos() / n);
                }
            }
        }
        System.err.printf(Locale.ROOT, "%s (n=%,d): %.1f s%n", w.label, n, (System.nanoTime() - start) / 1e9);
        List<Figure> all = new ArrayList<>();
        for (int i = 0; i < (w == Workload.SUSPENDED ? 2 : 1); i++) {
            for (Figure[] f : out.values()) {
                all.add(f[i]);
            }
        }
        return all;
    }

    /** The suspended workload warms up at a tenth of its size: enough for the JIT, and its full GCs are slow. */
    private static int warmupSize(Workload w, int n) {
        return w == Workload.SUSPENDED ? Math.max(n / 10, Math.min(n, 1000)) : n;
    }

    /** One repetition from a settled heap, so that one run's garbage is not collected during the next. */
    private static Sample runOnce(Contender c, Workload w, int n) {
        if (w != Workload.SUSPENDED) {
            Heap.usedAfterGc();
        }
        return c.run(w, n);
    }

    private static void header(Options o, List<Contender> contenders, Map<String, String> unavailable) {
        Runtime rt = Runtime.getRuntime();
        String gcs = ManagementFactory.getGarbageCollectorMXBeans().stream()
            .map(GarbageCollectorMXBean::getName).collect(Collectors.joining(", "));
        OUT.printf(Locale.ROOT, "asyncio4j benchmarks, %s%n",
            ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")));
        OUT.printf(Locale.ROOT, "JVM %s (%s), %d cores, max heap %,d MB, GC: %s%n", System.getProperty("java.vm.version"),
            System.getProperty("java.vm.vendor"), rt.availableProcessors(), rt.maxMemory() >> 20, gcs);
        OUT.printf(Locale.ROOT, "reps: %d warm-up + %d measured (suspended: %d warm-up at n/10 + %d); figures are min and median of the measured reps%n",
            o.warmup, o.reps, o.suspendedWarmup, o.suspendedReps);
        for (Contender c : contenders) {
            OUT.printf("  %-26s %s%n", c.label(), c.description());
        }
        unavailable.forEach((k, why) -> OUT.printf("  %-26s %s%n", k, why));
        OUT.println();
        OUT.flush();
    }

    private static void table(List<Figure> figures, Map<String, String> unavailable) {
        OUT.printf("%-16s %10s  %-26s %-11s %10s %10s   %s%n",
            "workload", "n", "contender", "unit", "min", "median", "x kotlinx (min / median)");
        String last = "";
        for (Figure f : figures) {
            boolean first = !f.name.equals(last);
            if (first && !last.isEmpty()) {
                OUT.println();
            }
            last = f.name;
            Figure base = find(figures, "kotlinx", f.name);
            String ratio = base != null && base.measured() && f.measured() && !f.contender.key().equals("kotlinx")
                ? String.format(Locale.ROOT, "%.2f / %.2f", f.min() / base.min(), f.median() / base.median()) : "";
            OUT.printf(Locale.ROOT, "%-16s %10s  %-26s %-11s %10s %10s   %s%n",
                first ? f.name : "", first ? String.format(Locale.ROOT, "%,d", f.n) : "", f.contender.label(), f.unit,
                f.measured() ? num(f.min()) : "-", f.measured() ? num(f.median()) : "-", ratio);
        }
        unavailable.forEach((k, why) -> OUT.printf("%-16s %10s  %-26s %s%n", "(all)", "", k, why));
        OUT.println();
    }

    private static void targets(List<Figure> figures) {
        OUT.println("Targets checked in this JVM (on medians):");
        for (String name : List.of("yield", "yield2", "pingpong", "spawn")) {
            Figure c = find(figures, "continuation", name);
            Figure k = find(figures, "kotlinx", name);
            if (c != null && k != null && c.measured() && k.measured()) {
                double r = c.median() / k.median();
                verdict(r <= CONTINUATION_MAX_RATIO, String.format(Locale.ROOT,
                    "continuation %-8s <= %.0fx raw kotlinx: %.2fx (%s vs %s %s)", name, CONTINUATION_MAX_RATIO, r,
                    num(c.median()), num(k.median()), c.unit));
            }
        }
        Figure cm = find(figures, "continuation", "suspended");
        if (cm != null && cm.measured()) {
            verdict(cm.median() <= CONTINUATION_MAX_BYTES, String.format(Locale.ROOT,
                "continuation suspended <= %.0f B/task: %s B", CONTINUATION_MAX_BYTES, num(cm.median())));
        }
        absolute("gather", CONTINUATION_MAX_NS_PER_GATHER_CHILD, figures);
        absolute("waitfor", CONTINUATION_MAX_NS_PER_WAITFOR, figures);
        absolute("lock", CONTINUATION_MAX_NS_PER_LOCK, figures);
        absolute("qpingpong", CONTINUATION_MAX_NS_PER_QUEUE_MESSAGE, figures);
        Figure vm = find(figures, "virtual", "suspended");
        if (vm != null && vm.measured()) {
            verdict(vm.median() <= CPYTHON_BYTES_PER_TASK, String.format(Locale.ROOT,
                "virtual-thread suspended <= %,.0f B/task (CPython's figure in shared/bench/python/README.md): %s B",
                CPYTHON_BYTES_PER_TASK, num(vm.median())));
        }
        OUT.println("(the virtual-thread engine's switch and spawn targets are relative to uvloop: see the Python comparison)");
        OUT.println();
    }

    /** The continuation engine's absolute target for a workload: at most {@code max} units on the median. */
    private static void absolute(String name, double max, List<Figure> figures) {
        Figure c = find(figures, "continuation", name);
        if (c != null && c.measured()) {
            verdict(c.median() <= max, String.format(Locale.ROOT,
                "continuation %-8s <= %.0f %s: %s %s", name, max, c.unit, num(c.median()), c.unit));
        }
    }

    private static void verdict(boolean ok, String what) {
        OUT.printf("  %-5s %s%n", ok ? "MET" : "MISSED", what);
    }

    private static Figure find(List<Figure> figures, String key, String name) {
        for (Figure f : figures) {
            if (f.contender.key().equals(key) && f.name.equals(name)) {
                return f;
            }
        }
        return null;
    }

    static String num(double v) {
        return v >= 1000 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
