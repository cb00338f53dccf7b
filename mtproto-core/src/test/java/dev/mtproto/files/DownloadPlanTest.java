package dev.mtproto.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Aligned requests for ranges (https://core.telegram.org/api/files#downloading-files: the offset divisible by
 * the limit, the limit by 4 KiB, 1 MiB by the limit).
 */
class DownloadPlanTest {
    private static final int LIMIT = 64 * 1024;

    @Test
    void aWholeFileOfKnownLengthIsFetchedInAlignedParts() {
        DownloadPlan plan = new DownloadPlan(0, -1, 3 * LIMIT + 5, LIMIT);
        assertThat(plan.requestCount()).isEqualTo(4);
        assertThat(plan.length()).isEqualTo(3 * LIMIT + 5);
        for (int i = 0; i < 4; i++) {
            assertThat(plan.requestOffset(i) % LIMIT).isZero();
        }
        assertThat(plan.expectedLength(3)).isEqualTo(5);
        assertThat(plan.check(3, 5)).as("the last part is short").isTrue();
        assertThat(plan.check(0, LIMIT)).isFalse();
    }

    @Test
    void aRangeStartingAndEndingInsidePartsIsTrimmed() {
        long from = LIMIT + 100;
        long length = LIMIT + 50; // ends at 2 * LIMIT + 150
        DownloadPlan plan = new DownloadPlan(from, length, 10 * LIMIT, LIMIT);
        assertThat(plan.requestCount()).isEqualTo(2);
        assertThat(plan.requestOffset(0)).isEqualTo(LIMIT);
        assertThat(plan.requestOffset(1)).isEqualTo(2 * LIMIT);
        assertThat(plan.trimStart(0, LIMIT)).isEqualTo(100);
        assertThat(plan.trimEnd(0, LIMIT)).isEqualTo(LIMIT);
        assertThat(plan.trimStart(1, LIMIT)).isZero();
        assertThat(plan.trimEnd(1, LIMIT)).isEqualTo(150);
        long total = (plan.trimEnd(0, LIMIT) - plan.trimStart(0, LIMIT)) + (plan.trimEnd(1, LIMIT) - plan.trimStart(1, LIMIT));
        assertThat(total).isEqualTo(length);
    }

    @Test
    void aRangePastTheEndOfAKnownFileIsCutAndAnEmptyRangeNeedsNoRequest() {
        assertThat(new DownloadPlan(LIMIT, 10 * LIMIT, 2 * LIMIT, LIMIT).length()).isEqualTo(LIMIT);
        DownloadPlan empty = new DownloadPlan(5 * LIMIT, -1, 2 * LIMIT, LIMIT);
        assertThat(empty.requestCount()).isZero();
        assertThat(new DownloadPlan(0, -1, 0, LIMIT).requestCount()).as("an empty file").isZero();
        assertThat(new DownloadPlan(7, 0, -1, LIMIT).requestCount()).isZero();
    }

    @Test
    void anUnknownLengthHasNoEndUntilAShortPart() {
        DownloadPlan plan = new DownloadPlan(0, -1, -1, LIMIT);
        assertThat(plan.requestCount()).isEqualTo(-1);
        assertThat(plan.length()).isEqualTo(-1);
        assertThat(plan.check(0, LIMIT)).isFalse();
        assertThat(plan.check(1, 10)).isTrue();
        assertThat(plan.trimEnd(1, 10)).isEqualTo(10);
    }

    @Test
    void answersThatBreakTheRulesAreTypedErrors() {
        DownloadPlan plan = new DownloadPlan(0, -1, 3 * LIMIT, LIMIT);
        assertThatThrownBy(() -> plan.check(0, LIMIT + 1)).isInstanceOf(FilePartException.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> plan.check(1, LIMIT - 1)).isInstanceOf(FilePartException.class)
                .satisfies(e -> assertThat(((FilePartException) e).offset()).isEqualTo(LIMIT));
    }
}
