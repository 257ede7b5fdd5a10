package io.offsite.geofence;

/** What one rung of an escalation ladder asks for; each maps to one core effect. */
public enum LadderAction {
    /** {@link io.offsite.core.effect.RequestOwnerMove}: text the owner to move the vehicle. */
    REQUEST_OWNER_MOVE,
    /** {@link io.offsite.core.effect.VoiceWarning}: play a loudspeaker warning through the camera. */
    VOICE_WARNING,
    /** {@link io.offsite.core.effect.DispatchOfficer}: send the cell's responsible officer (a notice). */
    DISPATCH_OFFICER,
    /** {@link io.offsite.core.effect.FileCase}: open a case (a notice). */
    FILE_CASE,
    /** {@link io.offsite.core.effect.CaptureEvidence}: collect the stills the rules need. */
    CAPTURE_EVIDENCE
}
