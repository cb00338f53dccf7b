package dev.mtproto.files;

import java.util.Objects;

/**
 * How one download runs. Build with {@link #builder()}; {@link #defaults()} fetches the whole file in parts of
 * {@link PartRules#MAX_DOWNLOAD_PART} with no listener.
 *
 * @param progress told about written bytes
 * @param offset the first byte to fetch (for streaming); any value, requests are aligned and the answer trimmed
 * @param length how many bytes to fetch from the offset, or -1 for all to the end of the file
 * @param partSize the {@code limit} of each {@code upload.getFile}: divisible by 4 KiB and dividing 1 MiB
 */
public record DownloadOptions(TransferProgressListener progress, long offset, long length, int partSize) {
    /** @throws IllegalArgumentException if the offset is negative, the length below -1 or the part size breaks the rules */
    public DownloadOptions {
        Objects.requireNonNull(progress, "progress");
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be at least 0, got " + offset);
        }
        if (length < -1) {
            throw new IllegalArgumentException("length must be -1 (to the end) or at least 0, got " + length);
        }
        PartRules.checkDownloadPartSize(partSize);
    }

    /** @return the defaults */
    public static DownloadOptions defaults() {
        return builder().build();
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link DownloadOptions}. */
    public static final class Builder {
        private TransferProgressListener progress = TransferProgressListener.NONE;
        private long offset;
        private long length = -1;
        private int partSize = PartRules.MAX_DOWNLOAD_PART;

        private Builder() {
        }

        /** @param value told about written bytes @return this builder */
        public Builder progress(TransferProgressListener value) {
            this.progress = Objects.requireNonNull(value, "progress");
            return this;
        }

        /**
         * @param offset the first byte
         * @param length how many bytes, or -1 to the end
         * @return this builder
         */
        public Builder range(long offset, long length) {
            this.offset = offset;
            this.length = length;
            return this;
        }

        /** @param value the request limit @return this builder */
        public Builder partSize(int value) {
            this.partSize = value;
            return this;
        }

        /**
         * @return the options
         * @throws IllegalArgumentException if a value is out of range
         */
        public DownloadOptions build() {
            return new DownloadOptions(progress, offset, length, partSize);
        }
    }
}
