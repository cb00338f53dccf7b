package dev.mtproto.transport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * One way of cutting a byte stream into read chunks, and the standard set of them used by the tests:
 * whole, one byte at a time, every two-way split (for streams up to a size), and random cuts.
 *
 * <p>{@link #feed} copies each chunk to a fresh array at a non-zero offset, so decoders that keep views
 * or ignore {@code off} fail, and in-place decryption never touches the test's original bytes.
 */
record Chunking(String name, int[] sizes) {

    interface ChunkReader {
        void read(byte[] buf, int off, int len);
    }

    static List<Chunking> standard(int length, long seed) {
        return standard(length, seed, 2048);
    }

    static List<Chunking> standard(int length, long seed, int everySplitUpTo) {
        List<Chunking> out = new ArrayList<>();
        out.add(new Chunking("whole", new int[] {length}));
        int[] ones = new int[length];
        Arrays.fill(ones, 1);
        out.add(new Chunking("1 byte at a time", ones));
        if (length <= everySplitUpTo) {
            for (int cut = 1; cut < length; cut++) {
                out.add(new Chunking("split at " + cut, new int[] {cut, length - cut}));
            }
        }
        Random rnd = new Random(seed);
        for (int i = 0; i < 20; i++) {
            out.add(random(length, rnd));
        }
        return out;
    }

    static Chunking random(int length, Random rnd) {
        List<Integer> sizes = new ArrayList<>();
        int left = length;
        while (left > 0) {
            int max = rnd.nextInt(4) == 0 ? 7 : Math.max(1, length / 3);
            int n = Math.min(left, 1 + rnd.nextInt(max));
            sizes.add(n);
            left -= n;
        }
        return new Chunking("random " + sizes.size() + " chunks", sizes.stream().mapToInt(Integer::intValue).toArray());
    }

    void feed(byte[] data, ChunkReader reader) {
        int at = 0;
        for (int size : sizes) {
            byte[] buf = new byte[size + 5];
            System.arraycopy(data, at, buf, 3, size);
            reader.read(buf, 3, size);
            at += size;
        }
        if (at != data.length) {
            throw new IllegalStateException("chunking " + name + " covers " + at + " of " + data.length + " bytes");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
