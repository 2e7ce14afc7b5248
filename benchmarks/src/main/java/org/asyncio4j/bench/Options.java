package org.asyncio4j.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The command line of {@link Bench}; see {@link #USAGE}. */
final class Options {
    static final String USAGE = """
        usage: Bench [options]
          --workloads=LIST     comma list of yield,yield2,pingpong,spawn,suspended,gather,waitfor,lock,qpingpong
                               (default: all)
          --contenders=LIST    comma list of kotlinx,continuation,virtual,kotlin-tasks (default: all)
          --warmup=N           warm-up repetitions per contender and workload (default 3)
          --reps=N             measured repetitions (default 5)
          --suspended-warmup=N, --suspended-reps=N   the same for the suspended workload
                               (default 1, 2; its warm-up runs at a tenth of its size;
                               the memory figure is the same in every rep of one JVM)
          --yield=N --yield2=N --pingpong=N --spawn=N --suspended=N --gather=ROUNDS --waitfor=N --lock=N
          --qpingpong=N        workload sizes (defaults 1000000, 1000000, 200000, 100000, 1000000, 10000, 100000,
                               1000000, 200000; yield2, pingpong and qpingpong count yields and messages in all,
                               rounded down to even; gather gathers 10 children per round; lock counts
                               acquisitions in all by 1000 tasks, rounded down to a multiple of 1000)
          --kotlin=runBlocking|single   raw kotlinx on runBlocking's event loop (default) or on newSingleThreadContext
          --json=FILE          also write one JSON line per contender and figure to FILE
        """;

    final List<Workload> workloads = new ArrayList<>(List.of(Workload.values()));
    final List<String> contenders = new ArrayList<>(List.of("kotlinx", "continuation", "virtual", "kotlin-tasks"));
    final Map<Workload, Integer> sizes = new EnumMap<>(Workload.class);
    int warmup = 3;
    int reps = 5;
    int suspendedWarmup = 1;
    int suspendedReps = 2;
    boolean kotlinSingleThread;
    String json;

    static Options parse(String[] args) {
        Options o = new Options();
        for (Workload w : Workload.values()) {
            o.sizes.put(w, w.defaultSize);
        }
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                System.out.print(USAGE);
                System.exit(0);
            }
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + a + "'\n" + USAGE);
            }
            String key;
            String value;
            int eq = a.indexOf('=');
            if (eq >= 0) {
                key = a.substring(2, eq);
                value = a.substring(eq + 1);
            } else if (i + 1 < args.length) {
                key = a.substring(2);
                value = args[++i];
            } else {
                throw new IllegalArgumentException("option " + a + " needs a value\n" + USAGE);
            }
            o.set(key, value);
        }
        return o;
    }

    private void set(String key, String value) {
        switch (key) {
            case "workloads" -> {
                workloads.clear();
                for (String s : value.split(",")) {
                    workloads.add(Workload.of(s.trim()));
                }
            }
            case "contenders" -> {
                contenders.clear();
                for (String s : value.split(",")) {
                    String c = s.trim();
                    if (!List.of("kotlinx", "continuation", "virtual", "kotlin-tasks").contains(c)) {
                        throw new IllegalArgumentException("unknown contender '" + c + "' (kotlinx, continuation, virtual, kotlin-tasks)");
                    }
                    contenders.add(c);
                }
            }
            case "warmup" -> warmup = count(key, value, 0);
            case "reps" -> reps = count(key, value, 1);
            case "suspended-warmup" -> suspendedWarmup = count(key, value, 0);
            case "suspended-reps" -> suspendedReps = count(key, value, 1);
            case "kotlin" -> kotlinSingleThread = switch (value) {
                case "runBlocking" -> false;
                case "single" -> true;
                default -> throw new IllegalArgumentException("--kotlin must be runBlocking or single, not '" + value + "'");
            };
            case "json" -> json = value;
            default -> {
                Workload w;
                try {
                    w = Workload.of(key);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("unknown option --" + key + "\n" + USAGE, e);
                }
                if (w == Workload.LOCK) {
                    int n = count(key, value, Workload.LOCK_TASKS);
                    sizes.put(w, n - n % Workload.LOCK_TASKS);
                } else {
                    int n = count(key, value, 2);
                    sizes.put(w, w == Workload.YIELD2 || w == Workload.PINGPONG || w == Workload.QPINGPONG ? n & ~1 : n);
                }
            }
        }
    }

    private static int count(String key, String value, int min) {
        int n;
        try {
            n = Integer.parseInt(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " must be a whole number, not '" + value + "'", e);
        }
        if (n < min) {
            throw new IllegalArgumentException("--" + key + " must be at least " + min + ", got " + n);
        }
        return n;
    }

    int warmupOf(Workload w) {
        return w == Workload.SUSPENDED ? suspendedWarmup : warmup;
    }

    int repsOf(Workload w) {
        return w == Workload.SUSPENDED ? suspendedReps : reps;
    }
}
