package io.offsite.server;

import io.offsite.core.Masks;
import io.offsite.core.effect.VoiceWarning;
import io.offsite.core.geo.GeoPoint;
import io.offsite.core.objects.EnterpriseArchive;
import io.offsite.core.objects.Frontage;
import io.offsite.core.objects.ManagedObject;
import io.offsite.core.objects.ObjectOperator;
import io.offsite.core.violation.Violation;
import io.offsite.geofence.Fence;
import io.offsite.geofence.FenceKind;
import io.offsite.notify.Channel;
import io.offsite.notify.Outbox;
import io.offsite.notify.OutgoingMessage;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Shop-front operation (店铺越门经营) and sewage (乱倒污水): an episode at a fence that fronts a managed object
 * ({@link Fence#frontOf()}), or at a shop-front or storm-drain fence traced with {@link Premises#frontOf} to the
 * shop in front of which it happened, lands in that shop's file; each loudspeaker warning is also texted to the
 * shop's registered operator; a case is filed against the operator (an organisation when the operator is a
 * registered business) and named in the shop's file. Events with no shop near enough are reported as unattributed.
 */
final class ShopFronts {
    private final Places places;
    private final Premises premises;
    private final Outbox outbox;
    private final Consumer<ServerEvent> events;
    private final Map<String, String> episodeObjects = new ConcurrentHashMap<>();

    ShopFronts(Places places, Premises premises, Outbox outbox, Consumer<ServerEvent> events) {
        this.places = places;
        this.premises = premises;
        this.outbox = outbox;
        this.events = events;
    }

    /** The shop an episode is about, and its operator when one is registered. */
    record Party(ManagedObject shop, Optional<ObjectOperator> operator) {
    }

    /** A loudspeaker warning: the finding goes into the shop's file (once per episode), the text to its operator. */
    void warned(VoiceWarning v) {
        Optional<ManagedObject> shop = attribute(v.episodeId(), v.fenceId(), v.location(), v.at());
        if (shop.isEmpty()) {
            return;
        }
        ManagedObject s = shop.get();
        if (v.warningNumber() == 1) {
            premises.files().appendFinding(s.id(), new EnterpriseArchive.Finding(v.at(), v.violation(),
                    what(v.violation()) + " in front of " + s.name() + ", warned by loudspeaker, episode " + v.episodeId()));
            events.accept(new ServerEvent(v.at(), "ShopFileFinding", v.episodeId(), s.name() + ": " + v.violation()
                    + " entered in the shop's file"));
        }
        Optional<ObjectOperator> op = premises.operatorOf(s.id());
        if (op.isEmpty()) {
            events.accept(new ServerEvent(v.at(), "NoOperator", v.episodeId(), s.name()
                    + " has no registered operator: nobody texted"));
            return;
        }
        String text = "【黄岩综合执法】" + op.get().name() + "：" + s.name() + "门前" + what(v.violation())
                + "，已第" + v.warningNumber() + "次喊话提醒，请立即整改，逾期将依法立案。事件号" + v.episodeId();
        outbox.enqueue(new OutgoingMessage(v.idempotencyKey() + "/operator-sms", Channel.SMS, op.get().phone(), text));
        events.accept(new ServerEvent(v.at(), "OperatorTexted", v.episodeId(), "operator of " + s.name() + " "
                + Masks.phone(op.get().phone()) + ": warning " + v.warningNumber()));
    }

    /** Who a case at this episode is against, when the fence fronts a shop or the episode was traced to one. */
    Optional<Party> partyOf(String episodeId, String fenceId, GeoPoint location, Instant at) {
        return attribute(episodeId, fenceId, location, at).map(s -> new Party(s, premises.operatorOf(s.id())));
    }

    /** Names a filed case in the shop's file. */
    void caseFiled(Party p, String caseId, Violation violation, Instant at) {
        premises.files().appendCase(p.shop().id(), new EnterpriseArchive.CaseRef(caseId, violation, at));
    }

    private Optional<ManagedObject> attribute(String episodeId, String fenceId, GeoPoint location, Instant at) {
        String known = episodeObjects.get(episodeId);
        if (known != null) {
            return premises.object(known);
        }
        Optional<Fence> fence = places.fence(fenceId);
        if (fence.isEmpty()) {
            return Optional.empty();
        }
        Optional<ManagedObject> shop;
        String how;
        if (fence.get().frontOf().isPresent()) {
            shop = premises.object(fence.get().frontOf().get());
            how = "fence " + fenceId + " fronts it";
        } else if (location != null && (fence.get().kind() == FenceKind.SHOP_FRONT
                || fence.get().kind() == FenceKind.STORM_DRAIN)) {
            Optional<Frontage> f = premises.frontOf(location);
            shop = f.map(Frontage::object);
            how = f.map(x -> String.format("%.1f m from it (%s)", x.distanceMeters(), x.match())).orElse("");
        } else {
            return Optional.empty();
        }
        if (shop.isEmpty()) {
            events.accept(new ServerEvent(at, "Unattributed", episodeId,
                    "no managed object in front of which it happened at fence " + fenceId + "; nobody texted"));
            return shop;
        }
        episodeObjects.put(episodeId, shop.get().id());
        events.accept(new ServerEvent(at, "TracedToShop", episodeId, shop.get().name() + " (" + how + ")"));
        return shop;
    }

    private static String what(Violation v) {
        if (v.equals(Violation.TRADING_BEYOND_SHOPFRONT)) {
            return "越门经营";
        }
        if (v.equals(Violation.SEWAGE_DUMPING)) {
            return "乱倒污水";
        }
        return v.code();
    }
}
