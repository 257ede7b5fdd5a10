package io.offsite.devices.jt808;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.core.InvalidValueException;
import io.offsite.devices.spi.Jt808Terminals;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Records, builders and the in-memory terminals refuse bad values at once, naming the value and the rule. */
class Jt808ValuesTest {
    @Test
    void header_padsThePhoneToTheEditionsWidth() {
        assertThat(Jt808Header.of(0x0200, Jt808Version.V2013, "13305760001", 1).phone()).isEqualTo("013305760001");
        assertThat(Jt808Header.of(0x0200, Jt808Version.V2019, "13305760001", 1).phone())
                .isEqualTo("00000000013305760001");
    }

    @Test
    void header_refusesAPhoneTooLongOrNotDigits() {
        assertThatThrownBy(() -> Jt808Header.of(0x0200, Jt808Version.V2013, "0133057600011", 1))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("1..12 decimal digits for V2013");
        assertThatThrownBy(() -> Jt808Header.of(0x0200, Jt808Version.V2019, "1330576000A", 1))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("'1330576000A'");
    }

    @Test
    void header_refusesAnIndexBeyondTheTotalAndAVersionByteFor2013() {
        assertThatThrownBy(() -> new Jt808Header(0x0801, Jt808Version.V2013, 0, "1", 1, 0, 2, 3))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("packageIndex 3 must be 1..2");
        assertThatThrownBy(() -> new Jt808Header(0x0801, Jt808Version.V2013, 1, "1", 1, 0, 0, 0))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("protocolVersion 1 outside 0..0");
    }

    @Test
    void location_refusesASignThatDisagreesWithTheStatusBits() {
        Instant t = Jt808Samples.beijing(3, 15, 8, 30, 0);
        assertThatThrownBy(() -> new Location(0, 0b10, -28.64, 121.26, 0, 0, 0, t, List.of()))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("south-latitude");
        assertThatThrownBy(() -> new Location(0, 0b10, 28.64, 121.26, 0, 0, 360, t, List.of()))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("heading 360 outside 0..359");
        assertThatThrownBy(() -> new Location(0, 0b10, 28.64, 121.26, 0, 0, 0, t.plusMillis(500), List.of()))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("whole seconds");
    }

    @Test
    void messages_refuseAHeaderOfAnotherMessageId() {
        assertThatThrownBy(() -> new Heartbeat(Jt808Samples.header(0x0200, Jt808Version.V2013, 1)))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("needs message id 0x0002");
    }

    @Test
    void registration_refusesAModelWiderThanTheEditionsField() {
        assertThatThrownBy(() -> new TerminalRegistration(Jt808Samples.header(0x0100, Jt808Version.V2013, 1), 33,
                1003, "70033", "HY-ZT808-2019-EXTENDED", "T1", 2, Jt808Samples.PLATE))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("longer than 20 GBK bytes");
    }

    @Test
    void builders_refuseLimitsOutsideTheirRange() {
        assertThatThrownBy(() -> Jt808Codec.builder().maxFrameBytes(12)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("maxFrameBytes 12 outside 13..65536");
        assertThatThrownBy(() -> Jt808Codec.builder().maxSubPackages(0)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Jt808Reassembler.builder().maxAge(Duration.ZERO))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("maxAge PT0S must be positive");
        assertThatThrownBy(() -> Jt808FrameReader.create(14)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void encode_refusesABodyLongerThanOneFrame() {
        UnknownMessage big = new UnknownMessage(Jt808Samples.header(0x0801, Jt808Version.V2013, 1), new byte[1024]);

        assertThatThrownBy(() -> Jt808Codec.create().encode(big)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("1024 bytes, more than 1023; send it as SubPackages");
    }

    @Test
    void inMemoryTerminals_reRegistrationReplacesTheCode_andAPlateBelongsToOneTerminal() {
        AtomicInteger n = new AtomicInteger();
        InMemoryJt808Terminals terminals = InMemoryJt808Terminals.builder()
                .authCodes(() -> "CODE" + n.incrementAndGet()).build();
        TerminalRegistration reg = Jt808Samples.registration(Jt808Version.V2013, 1);

        assertThat(terminals.register(reg)).isEqualTo(Jt808Terminals.Registration.accepted("CODE1"));
        assertThat(terminals.register(reg)).isEqualTo(Jt808Terminals.Registration.accepted("CODE2"));
        assertThat(terminals.authenticate(Jt808Samples.PHONE, "CODE1")).isFalse();
        assertThat(terminals.authenticate("00000000013305760001", "CODE2")).isTrue();

        TerminalRegistration samePlate = new TerminalRegistration(Jt808Header.of(0x0100, Jt808Version.V2013,
                "013305760002", 1), 33, 1003, "70033", "ZT808", "T0002", 2, Jt808Samples.PLATE);
        assertThat(terminals.register(samePlate))
                .isEqualTo(Jt808Terminals.Registration.refused(RegistrationResult.VEHICLE_ALREADY_REGISTERED));
    }

    @Test
    void registrationOutcome_needsACodeExactlyOnSuccess() {
        assertThatThrownBy(() -> Jt808Terminals.Registration.accepted("")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new Jt808Terminals.Registration(RegistrationResult.TERMINAL_UNKNOWN, "X"))
                .isInstanceOf(InvalidValueException.class);
    }
}
