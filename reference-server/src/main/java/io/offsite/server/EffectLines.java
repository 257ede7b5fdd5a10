package io.offsite.server;

import io.offsite.core.Masks;
import io.offsite.core.effect.CaptureEvidence;
import io.offsite.core.effect.DispatchOfficer;
import io.offsite.core.effect.DispatchUnaddressed;
import io.offsite.core.effect.EnforcementEffect;
import io.offsite.core.effect.EpisodeResolved;
import io.offsite.core.effect.FileCase;
import io.offsite.core.effect.MoveWindowStarted;
import io.offsite.core.effect.RequestOwnerMove;
import io.offsite.core.effect.VoiceWarning;

/** One readable line per engine effect, for the server's event stream and printed timeline (plates, phones masked). */
final class EffectLines {
    private EffectLines() {
    }

    /** The line for {@code e}. */
    static String describe(EnforcementEffect e) {
        if (e instanceof RequestOwnerMove r) {
            return Masks.plate(r.plate()) + " in " + r.fenceId() + ": text the owner to move within "
                    + r.moveWindow().toMinutes() + " min of delivery";
        }
        if (e instanceof MoveWindowStarted w) {
            return "owner told; move by " + w.moveBy().atZone(CaseDesk.HUANGYAN).toLocalTime()
                    .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        }
        if (e instanceof DispatchOfficer d) {
            return "officer " + d.officerId().value() + " sent: " + Masks.inText(d.reason());
        }
        if (e instanceof DispatchUnaddressed u) {
            return "nobody on duty up the grid: " + u.reason();
        }
        if (e instanceof VoiceWarning v) {
            return "loudspeaker warning " + v.warningNumber() + " on camera " + v.cameraId();
        }
        if (e instanceof CaptureEvidence c) {
            return c.stillsAt().size() + " stills requested, owner notice " + c.ownerNotice();
        }
        if (e instanceof EpisodeResolved r) {
            return r.outcome() + ": " + Masks.inText(r.detail());
        }
        if (e instanceof FileCase f) {
            return "case due for " + f.violation() + " at " + f.fenceId() + (f.repeatCount() > 0 ? " after "
                    + f.repeatCount() + " earlier warned episodes" : "");
        }
        return e.getClass().getSimpleName();
    }
}
