package dev.cairn.background;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How batch sizes follow the target time per batch, fed with the times batches took, so that no clock is involved.
 */
class BatchSizerTests {

    private static final long MILLI = 1_000_000;

    @Test
    void growsAtMostFourfoldWhileFarBelowTheTarget() {
        BatchSizer sizer = new BatchSizer(Duration.ofMillis(50), 10, 100_000);
        assertThat(sizer.next(20, MILLI)).isEqualTo(80);
    }

    @Test
    void shrinksAtMostByHalfWhenFarAboveTheTarget() {
        BatchSizer sizer = new BatchSizer(Duration.ofMillis(50), 10, 100_000);
        assertThat(sizer.next(1000, 500 * MILLI)).isEqualTo(500);
    }

    @Test
    void settlesOnTheSizeThatTakesTheTargetTime() {
        BatchSizer sizer = new BatchSizer(Duration.ofMillis(50), 10, 100_000);
        int size = 20;
        for (int i = 0; i < 20; i++) {
            // 0.05 ms per key: 1000 keys take 50 ms
            size = sizer.next(size, size * 50_000L);
        }
        assertThat(size).isEqualTo(1000);
    }

    @Test
    void oneSlowBatchDoesNotHalveTheNext() {
        BatchSizer sizer = new BatchSizer(Duration.ofMillis(50), 10, 100_000);
        int size = 1000;
        for (int i = 0; i < 5; i++) {
            size = sizer.next(size, 50 * MILLI);
        }
        assertThat(sizer.next(size, 80 * MILLI)).as("a moving average of the time per key").isGreaterThan(size / 2)
            .isLessThan(size);
    }

    @Test
    void staysWithinTheConfiguredSizes() {
        BatchSizer sizer = new BatchSizer(Duration.ofMillis(50), 10, 300);
        assertThat(sizer.next(200, MILLI)).isEqualTo(300);
        assertThat(new BatchSizer(Duration.ofMillis(50), 10, 300).next(12, 10_000 * MILLI)).isEqualTo(10);
    }

    @Test
    void retriesAConflictWithHalfTheBatchButNotBelowTheMinimum() {
        BatchSizer sizer = new BatchSizer(Duration.ofMillis(50), 10, 300);
        assertThat(sizer.afterConflict(100)).isEqualTo(50);
        assertThat(sizer.afterConflict(15)).isEqualTo(10);
    }

}
