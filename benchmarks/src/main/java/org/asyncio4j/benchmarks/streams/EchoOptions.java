package org.asyncio4j.benchmarks.streams;

/**
 * The options of the echo benchmarks, with {@code asyncio_bench.py echo}'s defaults: {@code --conns 50 --rounds 2000
 * --size 1024 --warmup-rounds 5000}, and {@code --loops 1} where loops are offered.
 *
 * @param conns client connections
 * @param rounds round trips per connection
 * @param size bytes per message
 * @param warmupRounds unmeasured round trips per connection first (0: none)
 * @param loops event loops (one thread each)
 */
record EchoOptions(int conns, int rounds, int size, int warmupRounds, int loops) {

    /**
     * @param args {@code --name value} pairs
     * @param loopsAllowed whether {@code --loops} is an option of this program
     * @return the options
     */
    static EchoOptions parse(String[] args, boolean loopsAllowed) {
        int conns = 50;
        int rounds = 2000;
        int size = 1024;
        int warmup = 5000;
        int loops = 1;
        for (int i = 0; i < args.length; i += 2) {
            int value = Integer.parseInt(args[i + 1]);
            switch (args[i]) {
                case "--warmup-rounds" -> warmup = value;
                case "--conns" -> conns = value;
                case "--rounds" -> rounds = value;
                case "--size" -> size = value;
                case "--loops" -> {
                    if (!loopsAllowed) {
                        throw new IllegalArgumentException("unknown option --loops");
                    }
                    loops = value;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        return new EchoOptions(conns, rounds, size, warmup, loops);
    }
}
