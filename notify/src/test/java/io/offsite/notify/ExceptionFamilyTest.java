package io.offsite.notify;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.core.OffsiteException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Bad input to notify is always a {@link NotifyException} (under {@link OffsiteException}), never a bare JDK one. */
class ExceptionFamilyTest {
    @Test
    void inconsistentSmsCounts_areANotifyException() {
        assertThatThrownBy(() -> new SmsSegments(SmsEncoding.GSM7, -1, 0, 1)).isInstanceOf(NotifyException.class)
                .hasMessageContaining("characters=-1");
    }

    @Test
    void outOfRangeOutboxOptions_areNotifyExceptionsNamingTheOption() {
        OutboxBuilder b = Outbox.builder(OutboxStores.inMemory());
        assertThatThrownBy(() -> b.maxBatch(0)).isInstanceOf(NotifyException.class).hasMessageContaining("maxBatch");
        assertThatThrownBy(() -> b.receiptTimeout(Duration.ZERO)).isInstanceOf(NotifyException.class)
                .hasMessageContaining("receiptTimeout");
        assertThatThrownBy(b::build).isInstanceOf(NotifyException.class).hasMessageContaining("gateway");
    }
}
