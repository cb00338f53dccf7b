package dev.mtproto.files;

import java.util.Objects;
import java.util.Optional;

/**
 * How one upload runs. Build with {@link #builder()}; {@link #defaults()} has no listener, no resume handle and
 * the part size chosen by the file's length.
 *
 * @param progress told about confirmed bytes
 * @param resume the handle of an interrupted upload of the same content, to send only the missing parts
 * @param partSize the part size in bytes, or 0 to choose it by the file's length ({@link PartRules#uploadPartSize})
 */
public record UploadOptions(TransferProgressListener progress, Optional<UploadResume> resume, int partSize) {
    /** @throws IllegalArgumentException if the part size is neither 0 nor one the part rules allow */
    public UploadOptions {
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(resume, "resume");
        if (partSize != 0) {
            PartRules.checkUploadPartSize(partSize);
        }
    }

    /** @return the defaults */
    public static UploadOptions defaults() {
        return builder().build();
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link UploadOptions}. */
    public static final class Builder {
        private TransferProgressListener progress = TransferProgressListener.NONE;
        private UploadResume resume;
        private int partSize;

        private Builder() {
        }

        /** @param value told about confirmed bytes @return this builder */
        public Builder progress(TransferProgressListener value) {
            this.progress = Objects.requireNonNull(value, "progress");
            return this;
        }

        /**
         * @param value the handle of an interrupted upload ({@link UploadTask#resumeHandle()}); its part size wins
         *     over {@link #partSize}
         * @return this builder
         */
        public Builder resume(UploadResume value) {
            this.resume = Objects.requireNonNull(value, "resume");
            return this;
        }

        /** @param value the part size, or 0 to choose by length @return this builder */
        public Builder partSize(int value) {
            this.partSize = value;
            return this;
        }

        /**
         * @return the options
         * @throws IllegalArgumentException if the part size breaks the part rules
         */
        public UploadOptions build() {
            return new UploadOptions(progress, Optional.ofNullable(resume), partSize);
        }
    }
}
