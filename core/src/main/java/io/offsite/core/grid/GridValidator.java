package io.offsite.core.grid;

import io.offsite.core.geo.GeoPoint;
import io.offsite.core.geo.LocalProjection;
import io.offsite.core.grid.GridProblem.Kind;
import io.offsite.core.grid.GridProblem.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/** Checks a set of cells against every grid rule and collects all problems (never stops at the first). */
final class GridValidator {
    private final List<GridCell> cells;
    private final Grid.Options options;
    private final LocalProjection projection;
    private final List<GridProblem> problems = new ArrayList<>();
    /** Accepted gaps per parent cell, for locate. */
    private final Map<CellId, Geometry> acceptedGaps = new LinkedHashMap<>();

    GridValidator(List<GridCell> cells, Grid.Options options, LocalProjection projection) {
        this.cells = cells;
        this.options = options;
        this.projection = projection;
    }

    List<GridProblem> problems() {
        return problems;
    }

    Map<CellId, Geometry> acceptedGaps() {
        return acceptedGaps;
    }

    /** Runs every check; returns the cells by id (first of any duplicate wins). */
    Map<CellId, GridCell> validate() {
        Map<CellId, GridCell> byId = new LinkedHashMap<>();
        for (GridCell c : cells) {
            GridCell prev = byId.putIfAbsent(c.id(), c);
            if (prev != null) {
                error(Kind.DUPLICATE_ID, List.of(c.id()), pointIn(c.polygon()), 0,
                        "cell id " + c.id() + " is used twice (\"" + prev.name() + "\" and \"" + c.name() + "\")");
            }
        }
        Set<CellId> validShape = new HashSet<>();
        for (GridCell c : byId.values()) {
            checkLinks(c, byId);
            checkResponsible(c);
            TopologyValidationError err = new IsValidOp(c.polygon()).getValidationError();
            if (err != null) {
                Coordinate at = err.getCoordinate();
                error(Kind.INVALID_POLYGON, List.of(c.id()), Optional.of(GeoPoint.of(at.x, at.y)), 0,
                        "cell " + c.id() + " polygon is invalid: " + err.getMessage() + " at [" + at.x + ", " + at.y + "]");
            } else {
                validShape.add(c.id());
            }
        }
        checkCycles(byId);
        Map<CellId, List<GridCell>> children = new LinkedHashMap<>();
        for (GridCell c : byId.values()) {
            c.parent().ifPresent(p -> children.computeIfAbsent(p, k -> new ArrayList<>()).add(c));
        }
        for (GridCell c : byId.values()) {
            checkTopLevel(c, children.getOrDefault(c.id(), List.of()));
        }
        for (GridCell parent : byId.values()) {
            if (!validShape.contains(parent.id())) {
                continue;
            }
            List<GridCell> kids = new ArrayList<>();
            for (GridCell k : children.getOrDefault(parent.id(), List.of())) {
                if (validShape.contains(k.id()) && k.level() == parent.level().child()) {
                    kids.add(k);
                }
            }
            for (GridCell k : kids) {
                checkInside(k, parent);
            }
            checkSiblings(parent, kids);
            if (parent.level() != GridLevel.STREET) {
                checkCoverage(parent, kids);
            }
        }
        return byId;
    }

    private void checkLinks(GridCell c, Map<CellId, GridCell> byId) {
        if (c.parent().isEmpty()) {
            if (c.level() != GridLevel.BUILT_UP_AREA) {
                error(Kind.WRONG_LEVEL_ORDER, List.of(c.id()), pointIn(c.polygon()), 0, "cell " + c.id()
                        + " is a " + c.level().token() + " but has no parent (only a built-up area may be a root)");
            }
            return;
        }
        GridCell parent = byId.get(c.parent().get());
        if (parent == null) {
            error(Kind.UNKNOWN_PARENT, List.of(c.id()), pointIn(c.polygon()), 0,
                    "cell " + c.id() + " names parent " + c.parent().get() + ", which is not in the grid");
        } else if (parent.level().child() != c.level()) {
            error(Kind.WRONG_LEVEL_ORDER, List.of(c.id(), parent.id()), pointIn(c.polygon()), 0, "cell " + c.id()
                    + " is a " + c.level().token() + " but its parent " + parent.id() + " is a "
                    + parent.level().token() + (parent.level().child() == null ? " (streets have no children)"
                    : " (expected a " + parent.level().child().token() + ")"));
        }
    }

    /** Warns about a cell that cannot resolve any point and about a root of implausible size. */
    private void checkTopLevel(GridCell c, List<GridCell> kids) {
        if (c.level() != GridLevel.STREET && kids.isEmpty()) {
            problems.add(new GridProblem(Kind.NO_CHILDREN, Severity.WARNING, List.of(c.id()), pointIn(c.polygon()), 0,
                    c.level().token() + " " + c.id() + " has no " + c.level().child().token()
                            + " cells: no point inside it resolves to a street"));
        }
        if (c.parent().isEmpty()) {
            org.locationtech.jts.geom.Envelope e = c.polygon().getEnvelopeInternal();
            if (e.getWidth() > Grid.MAX_PLAUSIBLE_EXTENT_DEGREES || e.getHeight() > Grid.MAX_PLAUSIBLE_EXTENT_DEGREES
                    || e.getMaxY() > 85 || e.getMinY() < -85) {
                problems.add(new GridProblem(Kind.IMPLAUSIBLE_EXTENT, Severity.WARNING, List.of(c.id()),
                        pointIn(c.polygon()), 0, String.format("top-level cell %s spans %.2f° × %.2f° (lon %.4f..%.4f,"
                                + " lat %.4f..%.4f); a city grid spans at most %.0f° and no pole, and areas measured in"
                                + " the local projection (gaps, overlaps) are not meaningful at this size", c.id(),
                                e.getWidth(), e.getHeight(), e.getMinX(), e.getMaxX(), e.getMinY(), e.getMaxY(),
                                Grid.MAX_PLAUSIBLE_EXTENT_DEGREES)));
            }
        }
    }

    private void checkResponsible(GridCell c) {
        boolean ok = c.members().stream().anyMatch(m -> m.id().equals(c.responsibleOfficer())
                && m.role() == MemberRole.ENFORCEMENT_OFFICER);
        if (!ok) {
            error(Kind.RESPONSIBLE_NOT_OFFICER, List.of(c.id()), Optional.empty(), 0, "cell " + c.id()
                    + ": responsible officer " + c.responsibleOfficer() + " is not an enforcement-officer member");
        }
    }

    private void checkCycles(Map<CellId, GridCell> byId) {
        Set<CellId> reported = new HashSet<>();
        for (GridCell start : byId.values()) {
            List<CellId> path = new ArrayList<>();
            Set<CellId> seen = new HashSet<>();
            GridCell c = start;
            while (c != null && seen.add(c.id())) {
                path.add(c.id());
                c = c.parent().map(byId::get).orElse(null);
            }
            if (c != null) {
                List<CellId> loop = new ArrayList<>(path.subList(path.indexOf(c.id()), path.size()));
                if (reported.addAll(loop)) {
                    error(Kind.CYCLE, loop, pointIn(c.polygon()), 0, "parent links form a cycle: " + loop
                            + " -> " + c.id());
                }
            }
        }
    }

    private void checkInside(GridCell child, GridCell parent) {
        Geometry outside = child.polygon().difference(parent.polygon());
        double area = outside.isEmpty() ? 0 : projection.areaSquareMeters(outside);
        if (area > options.outsideToleranceSquareMeters()) {
            error(Kind.NOT_INSIDE_PARENT, List.of(child.id(), parent.id()), pointIn(outside), area, String.format(
                    "cell %s extends %.1f m² outside its parent %s, e.g. at %s", child.id(), area, parent.id(),
                    pointIn(outside).map(GeoPoint::toString).orElse("?")));
        }
    }

    private void checkSiblings(GridCell parent, List<GridCell> kids) {
        for (int i = 0; i < kids.size(); i++) {
            for (int j = i + 1; j < kids.size(); j++) {
                GridCell a = kids.get(i);
                GridCell b = kids.get(j);
                if (!a.polygon().getEnvelopeInternal().intersects(b.polygon().getEnvelopeInternal())) {
                    continue;
                }
                Geometry overlap = a.polygon().intersection(b.polygon());
                double area = overlap.isEmpty() ? 0 : projection.areaSquareMeters(overlap);
                if (area > options.overlapToleranceSquareMeters()) {
                    error(Kind.SIBLING_OVERLAP, List.of(a.id(), b.id()), pointIn(overlap), area, String.format(
                            "cells %s and %s (children of %s) overlap by %.1f m², e.g. at %s", a.id(), b.id(),
                            parent.id(), area, pointIn(overlap).map(GeoPoint::toString).orElse("?")));
                }
            }
        }
    }

    private void checkCoverage(GridCell parent, List<GridCell> kids) {
        List<Geometry> shapes = new ArrayList<>();
        for (GridCell k : kids) {
            shapes.add(k.polygon());
        }
        Geometry gap = kids.isEmpty() ? parent.polygon()
                : parent.polygon().difference(UnaryUnionOp.union(shapes));
        List<Geometry> kept = new ArrayList<>();
        for (int g = 0; g < gap.getNumGeometries(); g++) {
            Geometry part = gap.getGeometryN(g);
            if (part.isEmpty() || part.getDimension() < 2) {
                continue;
            }
            double area = projection.areaSquareMeters(part);
            if (area <= options.gapToleranceSquareMeters()) {
                continue;
            }
            kept.add(part);
            Severity sev = options.acceptGaps() ? Severity.WARNING : Severity.ERROR;
            problems.add(new GridProblem(Kind.COVERAGE_GAP, sev, List.of(parent.id()), pointIn(part), area,
                    String.format("%.1f m² of %s %s is covered by none of its %d children, e.g. at %s", area,
                            parent.level().token(), parent.id(), kids.size(),
                            pointIn(part).map(GeoPoint::toString).orElse("?"))));
        }
        if (options.acceptGaps() && !kept.isEmpty()) {
            acceptedGaps.put(parent.id(), UnaryUnionOp.union(kept));
        }
    }

    private void error(Kind kind, List<CellId> ids, Optional<GeoPoint> at, double area, String message) {
        problems.add(new GridProblem(kind, Severity.ERROR, ids, at, area, message));
    }

    private static Optional<GeoPoint> pointIn(Geometry g) {
        if (g.isEmpty()) {
            return Optional.empty();
        }
        try {
            Point p = g.getInteriorPoint();
            return p.isEmpty() ? Optional.empty() : Optional.of(GeoPoint.of(p.getX(), p.getY()));
        } catch (RuntimeException invalidGeometry) {
            Coordinate c = g.getCoordinate();
            return Optional.of(GeoPoint.of(c.x, c.y));
        }
    }
}
