package io.offsite.testkit.grid;

import io.offsite.core.geo.GeoPoint;
import io.offsite.core.geo.LocalProjection;
import io.offsite.core.grid.GridCell;
import io.offsite.core.grid.GridLevel;
import io.offsite.core.grid.GridMember;
import io.offsite.core.grid.MemberRole;
import io.offsite.core.grid.OfficerId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Generates valid four-level grids for tests and benchmarks: a jittered lattice of quadrilateral streets,
 * grouped into areas, squadrons and one built-up area. Every cell's outline runs through the lattice
 * vertices it borders, so neighbours share exact vertices, children tile their parent with no gap or
 * overlap, and the result always passes grid validation. Deterministic for a given random generator.
 *
 * <p>Example: {@code SyntheticGrid.builder().squadrons(5, 4).areasPerSquadron(4, 2).streetsPerArea(5, 5)
 * .generate(new SplittableRandom(1))} gives 5,000 streets.
 */
public final class SyntheticGrid {
    private final GeoPoint centre;
    private final double widthMeters;
    private final double heightMeters;
    private final int sx;
    private final int sy;
    private final int ax;
    private final int ay;
    private final int tx;
    private final int ty;
    private final double jitter;

    private SyntheticGrid(Builder b) {
        this.centre = b.centre;
        this.widthMeters = b.widthMeters;
        this.heightMeters = b.heightMeters;
        this.sx = b.sx;
        this.sy = b.sy;
        this.ax = b.ax;
        this.ay = b.ay;
        this.tx = b.tx;
        this.ty = b.ty;
        this.jitter = b.jitter;
    }

    /** Starts a generator with small defaults (2×2 squadrons, 2×2 areas each, 3×3 streets each). */
    public static Builder builder() {
        return new Builder();
    }

    /** Number of street cells this generator produces. */
    public int streetCount() {
        return sx * sy * ax * ay * tx * ty;
    }

    /** Generates the cells (built-up area first, then squadrons, areas, streets). */
    public List<GridCell> generate(RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        int nx = sx * ax * tx;
        int ny = sy * ay * ty;
        LocalProjection proj = LocalProjection.centredOn(centre);
        Coordinate[][] v = new Coordinate[nx + 1][ny + 1];
        double cw = widthMeters / nx;
        double ch = heightMeters / ny;
        for (int i = 0; i <= nx; i++) {
            for (int j = 0; j <= ny; j++) {
                double x = -widthMeters / 2 + i * cw;
                double y = -heightMeters / 2 + j * ch;
                if (i > 0 && i < nx) {
                    x += (random.nextDouble() * 2 - 1) * jitter * cw;
                }
                if (j > 0 && j < ny) {
                    y += (random.nextDouble() * 2 - 1) * jitter * ch;
                }
                GeoPoint g = proj.unproject(x, y);
                v[i][j] = new Coordinate(g.lon(), g.lat());
            }
        }
        GeometryFactory gf = new GeometryFactory();
        List<GridCell> out = new ArrayList<>();
        out.add(cell(gf, v, "B", GridLevel.BUILT_UP_AREA, null, 0, 0, nx, ny));
        for (int s = 0; s < sx * sy; s++) {
            int si = (s % sx) * ax * tx;
            int sj = (s / sx) * ay * ty;
            String sid = "S" + (s + 1);
            out.add(cell(gf, v, sid, GridLevel.SQUADRON, "B", si, sj, ax * tx, ay * ty));
            for (int a = 0; a < ax * ay; a++) {
                int ai = si + (a % ax) * tx;
                int aj = sj + (a / ax) * ty;
                String aid = sid + "-A" + (a + 1);
                out.add(cell(gf, v, aid, GridLevel.AREA, sid, ai, aj, tx, ty));
                for (int t = 0; t < tx * ty; t++) {
                    out.add(cell(gf, v, aid + "-T" + (t + 1), GridLevel.STREET, aid, ai + t % tx, aj + t / tx, 1, 1));
                }
            }
        }
        return out;
    }

    /** A block of lattice cells [i0, i0+w) × [j0, j0+h) as a polygon through every boundary vertex. */
    private static GridCell cell(GeometryFactory gf, Coordinate[][] v, String id, GridLevel level, String parent,
            int i0, int j0, int w, int h) {
        List<Coordinate> ring = new ArrayList<>();
        for (int i = i0; i < i0 + w; i++) {
            ring.add(v[i][j0]);
        }
        for (int j = j0; j < j0 + h; j++) {
            ring.add(v[i0 + w][j]);
        }
        for (int i = i0 + w; i > i0; i--) {
            ring.add(v[i][j0 + h]);
        }
        for (int j = j0 + h; j > j0; j--) {
            ring.add(v[i0][j]);
        }
        ring.add(v[i0][j0]);
        GridCell.Builder b = GridCell.builder(id, level).name(level.token() + " " + id)
                .polygon(gf.createPolygon(ring.toArray(new Coordinate[0])))
                .responsibleOfficer("O-" + id, "Officer " + id)
                .member(new GridMember(OfficerId.of("SAN-" + id), "Sanitation " + id, MemberRole.SANITATION));
        if (parent != null) {
            b.parent(parent);
        }
        return b.build();
    }

    /** Options for {@link SyntheticGrid}; setters reject bad values at once. */
    public static final class Builder {
        private GeoPoint centre = GeoPoint.of(121.26, 28.64);
        private double widthMeters = 4000;
        private double heightMeters = 4000;
        private int sx = 2;
        private int sy = 2;
        private int ax = 2;
        private int ay = 2;
        private int tx = 3;
        private int ty = 3;
        private double jitter = 0.3;

        private Builder() {
        }

        /** Centre of the grid (default: Huangyan district, Taizhou, 121.26°E 28.64°N). */
        public Builder centre(GeoPoint centre) {
            this.centre = Objects.requireNonNull(centre, "centre");
            return this;
        }

        /** Overall size in metres. */
        public Builder sizeMeters(double width, double height) {
            if (!(width > 0) || !(height > 0) || width > 200_000 || height > 200_000) {
                throw new IllegalArgumentException("size must be within (0, 200000] metres, was " + width + " x " + height);
            }
            this.widthMeters = width;
            this.heightMeters = height;
            return this;
        }

        /** Squadron columns and rows. */
        public Builder squadrons(int columns, int rows) {
            sx = positive(columns, "squadron columns");
            sy = positive(rows, "squadron rows");
            return this;
        }

        /** Area columns and rows inside each squadron. */
        public Builder areasPerSquadron(int columns, int rows) {
            ax = positive(columns, "area columns");
            ay = positive(rows, "area rows");
            return this;
        }

        /** Street columns and rows inside each area. */
        public Builder streetsPerArea(int columns, int rows) {
            tx = positive(columns, "street columns");
            ty = positive(rows, "street rows");
            return this;
        }

        /** Vertex jitter as a fraction of a street's size, 0 (rectangles) to 0.45. */
        public Builder jitter(double fraction) {
            if (!(fraction >= 0 && fraction <= 0.45)) {
                throw new IllegalArgumentException("jitter must be within 0..0.45, was " + fraction);
            }
            this.jitter = fraction;
            return this;
        }

        private static int positive(int n, String what) {
            if (n < 1 || n > 1000) {
                throw new IllegalArgumentException(what + " must be within 1..1000, was " + n);
            }
            return n;
        }

        /** The generator. */
        public SyntheticGrid build() {
            return new SyntheticGrid(this);
        }

        /** Shortcut for {@code build().generate(random)}. */
        public List<GridCell> generate(RandomGenerator random) {
            return build().generate(random);
        }
    }
}
