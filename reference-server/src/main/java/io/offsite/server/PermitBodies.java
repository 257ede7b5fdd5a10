package io.offsite.server;

import io.offsite.geofence.truck.DisposalSite;
import io.offsite.geofence.truck.PermitWindow;
import io.offsite.geofence.truck.RouteCorridor;
import io.offsite.geofence.truck.TruckPermit;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;

/**
 * Construction-waste truck permits as JSON carries them ({@code PUT /trucks/permits}, the {@code truck-permits}
 * document), validated by their constraints and converted to the library's {@link TruckPermit}; errors name the
 * field.
 */
final class PermitBodies {
    private PermitBodies() {
    }

    /** One permit as the API and the {@code truck-permits} document carry it. */
    record PermitBody(@NotBlank @Pattern(regexp = "\\d{11,20}", message = "must be the terminal phone (11-20 digits)")
            String truckId, @NotBlank @Size(max = 16) String plate, @NotBlank @Size(max = 64) String permitNumber,
            @NotNull @NotEmpty @Size(max = 50) List<@NotNull @Valid Corridor> corridors,
            @Size(max = 50) List<@NotNull @Valid Site> sites,
            @NotNull @NotEmpty @Size(max = 20) List<@NotNull @Valid Window> windows) {
    }

    /** A route corridor: a lon/lat polyline and its half-width. */
    record Corridor(@NotBlank @Size(max = 64) String id, @NotBlank @Size(max = 128) String name,
            @NotNull @Size(min = 2, max = 10_000) List<@NotNull @Size(min = 2, max = 2) List<@NotNull Double>> line,
            @Positive double halfWidthMeters) {
    }

    /** A disposal (消纳场), loading or depot site: a closed lon/lat ring. */
    record Site(@NotBlank @Size(max = 64) String id, @NotBlank @Size(max = 128) String name,
            @NotNull @Pattern(regexp = "DISPOSAL|LOADING|DEPOT") String role,
            @NotNull @Size(min = 4, max = 10_000) List<@NotNull @Size(min = 2, max = 2) List<@NotNull Double>> ring) {
    }

    /** Permitted hours: local times in Asia/Shanghai, {@code to <= from} crosses midnight. */
    record Window(@Size(max = 7) List<@NotNull @Pattern(regexp = "MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY")
            String> days, @NotBlank String from, @NotBlank String to, @NotBlank String validFrom,
            @NotBlank String validTo) {
    }

    /** Converts and checks one permit; errors name {@code where} and the field. */
    static TruckPermit permit(PermitBody b, String where) {
        TruckPermit.Builder tp;
        try {
            tp = TruckPermit.builder(b.truckId(), b.plate(), b.permitNumber());
        } catch (RuntimeException e) {
            throw ApiException.field(where, e.getMessage());
        }
        for (int i = 0; i < b.corridors().size(); i++) {
            Corridor c = b.corridors().get(i);
            try {
                tp.corridor(RouteCorridor.of(c.id(), c.name(), c.halfWidthMeters(), flat(c.line())));
            } catch (RuntimeException e) {
                throw ApiException.field(where + "/corridors/" + i, e.getMessage());
            }
        }
        List<Site> sites = b.sites() == null ? List.of() : b.sites();
        for (int i = 0; i < sites.size(); i++) {
            Site s = sites.get(i);
            try {
                double[] ring = flat(s.ring());
                tp.site(switch (s.role()) {
                    case "LOADING" -> DisposalSite.loading(s.id(), s.name(), ring);
                    case "DEPOT" -> DisposalSite.depot(s.id(), s.name(), ring);
                    default -> DisposalSite.disposal(s.id(), s.name(), ring);
                });
            } catch (RuntimeException e) {
                throw ApiException.field(where + "/sites/" + i, e.getMessage());
            }
        }
        for (int i = 0; i < b.windows().size(); i++) {
            Window w = b.windows().get(i);
            try {
                EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
                if (w.days() == null || w.days().isEmpty()) {
                    days = EnumSet.allOf(DayOfWeek.class);
                } else {
                    for (String d : w.days()) {
                        days.add(DayOfWeek.valueOf(d));
                    }
                }
                tp.window(new PermitWindow(days, LocalTime.parse(w.from()), LocalTime.parse(w.to()),
                        LocalDate.parse(w.validFrom()), LocalDate.parse(w.validTo())));
            } catch (RuntimeException e) {
                throw ApiException.field(where + "/windows/" + i, e.getMessage());
            }
        }
        try {
            return tp.build();
        } catch (RuntimeException e) {
            throw ApiException.field(where, e.getMessage());
        }
    }

    private static double[] flat(List<List<Double>> points) {
        double[] out = new double[points.size() * 2];
        for (int i = 0; i < points.size(); i++) {
            out[2 * i] = points.get(i).get(0);
            out[2 * i + 1] = points.get(i).get(1);
        }
        return out;
    }

}
