package dev.mtproto.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The part size rules of https://core.telegram.org/api/files. */
class PartRulesTest {

    @Test
    void uploadPartsAreAtMost512KiBDivisibleBy1KiBAndDivide512KiB() {
        for (int size : new int[] {1024, 2048, 4096, 32 * 1024, 128 * 1024, 512 * 1024}) {
            PartRules.checkUploadPartSize(size);
        }
        for (int size : new int[] {0, -1024, 1000, 3 * 1024, 513 * 1024, 1024 * 1024, 384 * 1024}) {
            assertThatThrownBy(() -> PartRules.checkUploadPartSize(size)).as("%d", size).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(String.valueOf(size));
        }
    }

    @Test
    void downloadLimitsAreDivisibleBy4KiBAndDivide1MiB() {
        for (int limit : new int[] {4096, 8192, 64 * 1024, 512 * 1024, 1024 * 1024}) {
            PartRules.checkDownloadPartSize(limit);
        }
        for (int limit : new int[] {0, 1024, 4095, 12 * 1024, 2 * 1024 * 1024}) {
            assertThatThrownBy(() -> PartRules.checkDownloadPartSize(limit)).as("%d", limit).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theUploadPartSizeIsChosenByLength() {
        assertThat(PartRules.uploadPartSize(1)).isEqualTo(1024);
        assertThat(PartRules.uploadPartSize(1024)).isEqualTo(1024);
        assertThat(PartRules.uploadPartSize(1025)).isEqualTo(2048);
        assertThat(PartRules.uploadPartSize(100_000)).isEqualTo(128 * 1024);
        assertThat(PartRules.uploadPartSize(512 * 1024)).isEqualTo(512 * 1024);
        assertThat(PartRules.uploadPartSize(64L << 20)).isEqualTo(512 * 1024);
        assertThatThrownBy(() -> PartRules.uploadPartSize(8001L * 512 * 1024)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void partCountsAndTheBigFileThreshold() {
        assertThat(PartRules.partCount(0, 1024)).isZero();
        assertThat(PartRules.partCount(1, 1024)).isEqualTo(1);
        assertThat(PartRules.partCount(1024, 1024)).isEqualTo(1);
        assertThat(PartRules.partCount(1025, 1024)).isEqualTo(2);
        assertThat(PartRules.big(10L << 20)).as("exactly 10 MiB is small").isFalse();
        assertThat(PartRules.big((10L << 20) + 1)).isTrue();
    }

    @Test
    void aResumeHandleChecksItsParts() {
        UploadResume r = new UploadResume(7, 1024, 3000, Set.of(2, 0));
        assertThat(r.totalParts()).isEqualTo(3);
        assertThat(r.confirmedParts()).containsExactly(0, 2);
        assertThatThrownBy(() -> new UploadResume(7, 1024, 3000, Set.of(3))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UploadResume(7, 1000, 3000, Set.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
