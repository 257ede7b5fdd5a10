package io.offsite.notify;

import io.offsite.core.violation.Violation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The message templates of each {@link Violation}, looked up by it: the loudspeaker warning spoken to the party
 * (高空喊话, for {@link io.offsite.core.effect.VoiceWarning}) and the SMS or push text that sends the grid officer
 * (for {@link io.offsite.core.effect.DispatchOfficer}), each worded for its violation. {@link #standard(String)}
 * covers every standard violation; {@link #with} adds a vendor's local violation or rewords a standard one.
 * Voice texts may use {@code {place}} {@code {caseNo}}; officer texts {@code {officer}} {@code {plate}} (the
 * subject: plate or tracker id) {@code {place}} {@code {caseNo}} ({@link EffectNotifier} checks this at build).
 * Immutable and thread-safe.
 */
public final class ViolationTemplates {
    private final Map<Violation, MessageTemplate> voice;
    private final Map<Violation, MessageTemplate> officer;

    private ViolationTemplates(Map<Violation, MessageTemplate> voice, Map<Violation, MessageTemplate> officer) {
        this.voice = Collections.unmodifiableMap(voice);
        this.officer = Collections.unmodifiableMap(officer);
    }

    /** The built-in Chinese texts for every standard violation; officer SMS carry the sign 【{@code sign}】. */
    public static ViolationTemplates standard(String sign) {
        Objects.requireNonNull(sign, "sign");
        ViolationTemplates t = new ViolationTemplates(new LinkedHashMap<>(), new LinkedHashMap<>());
        t = t.builtIn(Violation.PARKING, "您好，您的车辆停放在{place}禁停区域，请立即驶离，否则将依法处理。",
                sign, "{officer}：车辆{plate}在{place}经短信提醒后仍未驶离，请到场处理（{caseNo}）。");
        t = t.builtIn(Violation.ROAD_OCCUPATION, "您好，{place}禁止占道经营，请立即到指定摊位经营，否则将依法处理。",
                sign, "{officer}：{place}有人占道经营，经喊话警告后仍未离开，请到场处理（{caseNo}）。");
        t = t.builtIn(Violation.TRADING_BEYOND_SHOPFRONT, "您好，{place}的商户请注意，禁止超出店门经营，请立即将商品收回店内，否则将依法处理。",
                sign, "{officer}：{place}有商户越门经营，经喊话警告后仍未收回，请到场处理（{caseNo}）。");
        t = t.builtIn(Violation.HOUSEHOLD_WASTE, "您好，{place}禁止乱倒垃圾，请将垃圾清理干净并投放到指定垃圾桶，否则将依法处理。",
                sign, "{officer}：{place}有人乱倒垃圾，经喊话警告后仍未清理，请到场调查取证（{caseNo}）。");
        t = t.builtIn(Violation.SEWAGE_DUMPING, "您好，{place}禁止乱倒污水，请立即停止倾倒并清理现场，否则将依法处理。",
                sign, "{officer}：{place}有人乱倒污水，经喊话警告后仍未停止，请到场调查取证（{caseNo}）。");
        t = t.builtIn(Violation.CONSTRUCTION_WASTE, "{place}：运输车辆请注意，禁止随意倾倒建筑垃圾，请按核准路线驶往消纳场，否则将依法处理。",
                sign, "{officer}：运输车辆{plate}在{place}停留，疑似偷倒建筑垃圾，请到场查处（{caseNo}）。");
        t = t.builtIn(Violation.ILLEGAL_BUILDING, "您好，{place}的施工未取得规划许可，属于违法建设，请立即停止施工，否则将依法处理。",
                sign, "{officer}：{place}发现疑似违法建设，请到场核查并责令停止建设（{caseNo}）。");
        t = t.builtIn(Violation.TEMPORARY_STRUCTURE, "您好，{place}禁止擅自搭建临时建筑物、构筑物，请立即自行拆除，否则将依法处理。",
                sign, "{officer}：{place}发现擅自搭建的临时建筑物，请到场核查并责令限期拆除（{caseNo}）。");
        return t;
    }

    private ViolationTemplates builtIn(Violation v, String voiceText, String sign, String officerText) {
        String name = v.code().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        return with(v, MessageTemplate.voice("voice-" + name, voiceText),
                MessageTemplate.sms("officer-" + name, sign, officerText, 2));
    }

    /** A copy in which {@code violation} has these templates (added, or replacing its earlier ones). */
    public ViolationTemplates with(Violation violation, MessageTemplate voiceWarning, MessageTemplate officerDispatch) {
        Objects.requireNonNull(violation, "violation");
        Objects.requireNonNull(voiceWarning, "voiceWarning");
        Objects.requireNonNull(officerDispatch, "officerDispatch");
        Map<Violation, MessageTemplate> v = new LinkedHashMap<>(voice);
        Map<Violation, MessageTemplate> o = new LinkedHashMap<>(officer);
        v.put(violation, voiceWarning);
        o.put(violation, officerDispatch);
        return new ViolationTemplates(v, o);
    }

    /** The violations that have templates, in the order they were added. */
    public Set<Violation> violations() {
        return voice.keySet();
    }

    /** The loudspeaker warning of {@code violation}; a {@link TemplateException} naming the covered ones if none. */
    public MessageTemplate voiceWarning(Violation violation) {
        return require(voice, violation, "voice warning");
    }

    /** The officer dispatch text of {@code violation}; a {@link TemplateException} naming the covered ones if none. */
    public MessageTemplate officerDispatch(Violation violation) {
        return require(officer, violation, "officer dispatch");
    }

    private MessageTemplate require(Map<Violation, MessageTemplate> m, Violation v, String what) {
        MessageTemplate t = m.get(Objects.requireNonNull(v, "violation"));
        if (t == null) {
            throw new TemplateException("no " + what + " template for violation " + v + "; templates exist for "
                    + violations() + " (add one with ViolationTemplates.with)");
        }
        return t;
    }

    @Override
    public String toString() {
        return "ViolationTemplates" + violations();
    }
}
