package io.offsite.devices.jt808;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsite.devices.DeviceMessageException;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A terminal's connection as a timeline of frames fed to the session, checked against the replies. */
class Jt808SessionTest {
    private final Jt808Codec codec = Jt808Codec.create();
    private final InMemoryJt808Terminals terminals = InMemoryJt808Terminals.builder()
            .fleet(Set.of(Jt808Samples.PHONE)).authCodes(() -> "HY7E7D0001").build();
    private final Jt808Session session = Jt808Session.builder(terminals).codec(codec)
            .clock(Clock.fixed(Jt808Samples.beijing(3, 15, 8, 30, 0), ZoneOffset.UTC)).build();

    private Jt808Session.Output feed(Jt808Message... messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Jt808Message m : messages) {
            out.writeBytes(codec.encode(m));
        }
        byte[] bytes = out.toByteArray();
        return session.onBytes(bytes, 0, bytes.length);
    }

    private List<Jt808Message> replies(Jt808Session.Output out) {
        return out.replies().stream().map(codec::decode).toList();
    }

    private static PlatformGeneralResponse general(Jt808Header answered, int serial, Jt808Result result) {
        return new PlatformGeneralResponse(answered.reply(0x8001, serial), answered.serial(), answered.messageId(),
                result);
    }

    @ParameterizedTest
    @EnumSource(Jt808Version.class)
    void registerAuthenticateReport_isAnsweredAndHandedOn(Jt808Version v) {
        TerminalRegistration reg = Jt808Samples.registration(v, 1);
        Jt808Session.Output registered = feed(reg);
        assertThat(registered.messages()).containsExactly(reg);
        assertThat(replies(registered)).containsExactly(new RegistrationResponse(reg.header().reply(0x8100, 0), 1,
                RegistrationResult.SUCCESS, "HY7E7D0001"));

        TerminalAuthentication auth = Jt808Samples.authentication(v, 2, "HY7E7D0001");
        LocationReport report = Jt808Samples.report(v, 3);
        Heartbeat beat = new Heartbeat(Jt808Samples.header(0x0002, v, 4));
        Jt808Session.Output out = feed(auth, report, beat);

        assertThat(out.rejects()).isEmpty();
        assertThat(out.messages()).containsExactly(auth, report, beat);
        assertThat(replies(out)).containsExactly(general(auth.header(), 1, Jt808Result.OK),
                general(report.header(), 2, Jt808Result.OK), general(beat.header(), 3, Jt808Result.OK));
        assertThat(session.authenticatedPhone()).contains(reg.header().phone());
    }

    @Test
    void locationBeforeAuthentication_isAnsweredWithFailureAndNotHandedOn() {
        LocationReport report = Jt808Samples.report(Jt808Version.V2013, 9);
        Jt808Session.Output out = feed(report);

        assertThat(out.messages()).isEmpty();
        assertThat(replies(out)).containsExactly(general(report.header(), 0, Jt808Result.FAILURE));
        assertThat(out.rejects()).singleElement().satisfies(e -> {
            assertThat(e.where()).isEqualTo("jt808/session/0x0200");
            assertThat(e.getMessage()).contains("has not authenticated");
        });
    }

    @Test
    void wrongAuthCode_isAnsweredWithFailureAndLocationsStayRefused() {
        feed(Jt808Samples.registration(Jt808Version.V2013, 1));
        TerminalAuthentication wrong = Jt808Samples.authentication(Jt808Version.V2013, 2, "GUESS");
        Jt808Session.Output out = feed(wrong, Jt808Samples.report(Jt808Version.V2013, 3));

        assertThat(out.messages()).isEmpty();
        assertThat(replies(out)).extracting(m -> ((PlatformGeneralResponse) m).result())
                .containsExactly(Jt808Result.FAILURE, Jt808Result.FAILURE);
        assertThat(out.rejects()).extracting(DeviceMessageException::getMessage)
                .anySatisfy(msg -> assertThat(msg).contains("authentication refused"));
        assertThat(session.authenticatedPhone()).isEmpty();
    }

    @Test
    void terminalOutsideTheFleet_isRefusedRegistration() {
        TerminalRegistration stranger = new TerminalRegistration(new Jt808Header(0x0100, Jt808Version.V2013, 0,
                "013305769999", 1, 0, 0, 0), 33, 1003, "70033", "ZT808", "T0009", 2, "浙J·B0999");

        assertThat(replies(feed(stranger))).singleElement().satisfies(m -> assertThat(
                ((RegistrationResponse) m).result()).isEqualTo(RegistrationResult.TERMINAL_UNKNOWN));
    }

    @Test
    void preRegisteredTerminal_authenticatesWithoutRegistering() {
        terminals.preRegister("00000000013305760001", "KNOWN");
        Jt808Session.Output out = feed(Jt808Samples.authentication(Jt808Version.V2013, 1, "KNOWN"),
                Jt808Samples.report(Jt808Version.V2013, 2));

        assertThat(out.messages()).hasSize(2);
        assertThat(out.rejects()).isEmpty();
    }

    @Test
    void anotherPhoneAfterAuthentication_isRefused() {
        terminals.preRegister(Jt808Samples.PHONE, "KNOWN");
        feed(Jt808Samples.authentication(Jt808Version.V2013, 1, "KNOWN"));
        LocationReport other = new LocationReport(new Jt808Header(0x0200, Jt808Version.V2013, 0, "013305760002", 2,
                0, 0, 0), Jt808Samples.location());

        Jt808Session.Output out = feed(other);
        assertThat(out.messages()).isEmpty();
        assertThat(out.rejects()).singleElement().satisfies(e -> assertThat(e.getMessage())
                .contains("013305760002 differs from 013305760001"));
    }

    @Test
    void badBody_isAnsweredWithBadMessage_badCheckCodeOnlyRejected() {
        terminals.preRegister(Jt808Samples.PHONE, "KNOWN");
        feed(Jt808Samples.authentication(Jt808Version.V2013, 1, "KNOWN"));
        byte[] shortLocation = Jt808KnownBytesTest.wrap(Jt808Samples.hex("0200 0002 013305760001 0005 0000"));
        byte[] badCheck = Jt808Samples.hex("7E 0002 0000 013305760001 0006 45 7E");
        byte[] both = new byte[shortLocation.length + badCheck.length];
        System.arraycopy(shortLocation, 0, both, 0, shortLocation.length);
        System.arraycopy(badCheck, 0, both, shortLocation.length, badCheck.length);

        Jt808Session.Output out = session.onBytes(both, 0, both.length);
        assertThat(out.rejects()).extracting(DeviceMessageException::where)
                .containsExactly("jt808/0x0200", "jt808/header/checkCode");
        assertThat(replies(out)).singleElement().satisfies(m -> {
            PlatformGeneralResponse r = (PlatformGeneralResponse) m;
            assertThat(r.result()).isEqualTo(Jt808Result.BAD_MESSAGE);
            assertThat(r.answeredSerial()).isEqualTo(5);
        });
    }

    @Test
    void unknownMessage_isAnsweredUnsupportedAndHandedOn_platformMessageRejected() {
        terminals.preRegister(Jt808Samples.PHONE, "KNOWN");
        feed(Jt808Samples.authentication(Jt808Version.V2019, 1, "KNOWN"));
        UnknownMessage logout = new UnknownMessage(Jt808Samples.header(0x0003, Jt808Version.V2019, 2), new byte[0]);
        PlatformGeneralResponse echo = general(Jt808Samples.header(0x0200, Jt808Version.V2019, 3), 3, Jt808Result.OK);

        Jt808Session.Output out = feed(logout, echo);
        assertThat(out.messages()).containsExactly(logout);
        assertThat(replies(out)).containsExactly(general(logout.header(), 1, Jt808Result.UNSUPPORTED));
        assertThat(out.rejects()).singleElement().satisfies(e -> assertThat(e.getMessage())
                .contains("platform message sent by terminal"));
    }

    @Test
    void subPackages_areEachAcknowledgedAndHandedOnWhenJoined() {
        terminals.preRegister(Jt808Samples.PHONE, "KNOWN");
        feed(Jt808Samples.authentication(Jt808Version.V2013, 1, "KNOWN"));
        SubPackage one = new SubPackage(new Jt808Header(0x0801, Jt808Version.V2013, 0, Jt808Samples.PHONE, 10, 0, 2,
                1), new byte[] {0x7E, 1});
        SubPackage two = new SubPackage(new Jt808Header(0x0801, Jt808Version.V2013, 0, Jt808Samples.PHONE, 11, 0, 2,
                2), new byte[] {0x7D});

        assertThat(feed(two).messages()).isEmpty();
        Jt808Session.Output out = feed(one);
        assertThat(out.messages()).singleElement().isEqualTo(new UnknownMessage(one.header().whole(),
                new byte[] {0x7E, 1, 0x7D}));
        assertThat(replies(out)).containsExactly(general(one.header(), 2, Jt808Result.OK));
    }

    @Test
    void replySerials_increaseAcrossReads() {
        terminals.preRegister(Jt808Samples.PHONE, "KNOWN");
        feed(Jt808Samples.authentication(Jt808Version.V2013, 1, "KNOWN"));
        for (int i = 1; i <= 5; i++) {
            Jt808Message reply = replies(feed(new Heartbeat(Jt808Samples.header(0x0002, Jt808Version.V2013,
                    100 + i)))).get(0);
            assertThat(reply.header().serial()).isEqualTo(i);
        }
    }

    @Test
    void framesSplitAcrossReads_areAnsweredOnceComplete() {
        terminals.preRegister(Jt808Samples.PHONE, "KNOWN");
        byte[] bytes = codec.encode(Jt808Samples.authentication(Jt808Version.V2013, 1, "KNOWN"));

        assertThat(session.onBytes(bytes, 0, 7).replies()).isEmpty();
        assertThat(session.onBytes(bytes, 7, bytes.length - 7).replies()).hasSize(1);
    }
}
