using CarbonSim.Model.Io.Formats;
using System.Collections.Immutable;
using System.Globalization;
using CarbonSim.Model.Climate;
using CarbonSim.Model.Scenarios;

namespace CarbonSim.Model.Region;

/// <summary>A cell as the land-use generator sees it.</summary>
/// <param name="X">[m] Projected x of the centre.</param>
/// <param name="Y">[m] Projected y of the centre.</param>
/// <param name="Lon">[degrees E] Centre longitude.</param>
/// <param name="Lat">[degrees N] Centre latitude.</param>
public readonly record struct GeneratorCell(double X, double Y, double Lon, double Lat, int CityIndex);

/// <summary>
/// The default, synthetic Jing-Jin-Ji base land-use map (docs/data.md). Deterministic: every random
/// number is a hash of (seed, purpose, projected cell-centre coordinates), so the same seed gives the
/// same map, and maps at different resolutions look alike. Allocation is by rank against quotas:
/// <list type="number">
/// <item>Urban core per city: the cells nearest the city centroid (distance scaled by a population-sized
/// radius, with smooth noise for a ragged edge), area = population × <c>urban_m2_per_person</c>. Within it,
/// enough park (50%), protective green (20%, the outermost urban cells) and attached green (30%) cells are
/// placed for the class-table green shares to give the city's green coverage (green_space.csv, else the default).
/// A ring of regional green (10% of the urban area) surrounds the core.</item>
/// <item>Water/wetland: the sketched lakes/reservoirs and a coastal band (probability falling from 0.85 at the
/// coast to 0 at 10 km).</item>
/// <item>Per province, in order, to the share targets of targets CSV: forest (deepest in the mountains first,
/// not the Bashang plateau), other built-up land (villages, roads: on the plain), cropland (plain, then Bashang,
/// then valleys), unused (near the coast: saline land; high mountains); everything left is grassland.</item>
/// </list>
/// </summary>
public static class LandUseGenerator
{
    /// <summary>Class names the generator emits; each must be in the class table.</summary>
    public static ImmutableArray<string> ClassNames { get; } =
        ["cropland", "forest", "grassland", "water_wetland", "built_up", "unused", "park", "protective_green", "attached_green", "regional_green"];

    private static ImmutableArray<string> UrbanClasses { get; } = ["built_up", "park", "protective_green", "attached_green"];

    private sealed record CityFacts(string Province, double Lon, double Lat, double Population);

    /// <summary>Returns the class name of every cell.</summary>
    public static string[] Generate(LandUseGeneratorSpec spec, LandUseClassTable table, string classTablePath,
        IReadOnlyList<string> cityIds, IReadOnlyList<GeneratorCell> cells, double cellAreaM2, double defaultCoveragePct)
    {
        foreach (var name in ClassNames) table.Require(name, classTablePath, $"class '{name}' (needed by the land-use generator)");
        var facts = ReadCities(spec.CitiesPath, cityIds);
        var targets = ReadTargets(spec.TargetsPath, facts.Select(f => f.Province).Distinct().ToList());
        var coverage = ReadCoverage(spec.GreenSpacePath);
        var geo = new JjjGeography();
        int n = cells.Count;
        var cls = new string?[n];

        var fields = new Dictionary<string, NoiseField>(StringComparer.Ordinal);
        double Noise(int i, string purpose)
        {
            if (!fields.TryGetValue(purpose, out var field)) fields[purpose] = field = new NoiseField(spec.Seed, purpose);
            return field.At(cells[i].X, cells[i].Y);
        }

        // 1. Urban cores, their green, and a ring of regional green.
        double greenBuilt = table.Require("built_up", classTablePath, "class 'built_up'").DefaultMix.VegetatedFraction;
        double greenMix = 0.5 * table.Require("park", classTablePath, "class 'park'").DefaultMix.VegetatedFraction
                        + 0.2 * table.Require("protective_green", classTablePath, "class 'protective_green'").DefaultMix.VegetatedFraction
                        + 0.3 * table.Require("attached_green", classTablePath, "class 'attached_green'").DefaultMix.VegetatedFraction;
        var byCity = Enumerable.Range(0, cityIds.Count).Select(_ => new List<int>()).ToArray();
        for (int i = 0; i < n; i++) byCity[cells[i].CityIndex].Add(i);
        for (int c = 0; c < cityIds.Count; c++)
        {
            var f = facts[c];
            var members = byCity[c];
            if (members.Count == 0) continue;
            double areaM2 = f.Population * spec.UrbanAreaPerPersonM2;
            double radiusKm = Math.Sqrt(areaM2 / Math.PI) / 1000;
            int nUrban = Math.Min((int)Math.Round(areaM2 / cellAreaM2), (int)(0.9 * members.Count));
            var score = members.ToDictionary(i => i, i =>
                NormalsFiller.DistanceKm(cells[i].Lat, cells[i].Lon, f.Lat, f.Lon) / Math.Max(radiusKm, 1e-3) + 0.6 * (Noise(i, "urban") - 0.5));
            var ranked = members.OrderBy(i => score[i]).ThenBy(i => i).ToList();
            var urban = ranked.Take(nUrban).ToList();
            double g = coverage.TryGetValue(cityIds[c], out var pct) ? pct / 100 : defaultCoveragePct / 100;
            double p = greenMix > greenBuilt ? Math.Clamp((g - greenBuilt) / (greenMix - greenBuilt), 0, 1) : 0;
            int nGreen = (int)Math.Round(p * urban.Count);
            int nProt = (int)Math.Round(0.2 * nGreen), nPark = (int)Math.Round(0.5 * nGreen), nAtt = nGreen - nProt - nPark;
            foreach (var i in urban) cls[i] = "built_up";
            foreach (var i in urban.AsEnumerable().Reverse().Take(nProt)) cls[i] = "protective_green";
            var inner = urban.Where(i => cls[i] == "built_up").OrderBy(i => Noise(i, "park")).ThenBy(i => i).ToList();
            foreach (var i in inner.Take(nPark)) cls[i] = "park";
            foreach (var i in inner.Skip(nPark).Take(nAtt)) cls[i] = "attached_green";
            int nRing = (int)Math.Round(0.1 * urban.Count);
            foreach (var i in ranked.Skip(nUrban).Take(nRing)) cls[i] = "regional_green";
        }

        // 2. Water: sketched water bodies and a coastal band.
        for (int i = 0; i < n; i++)
        {
            if (cls[i] is not null) continue;
            if (geo.InWaterBody(cells[i].Lon, cells[i].Lat)) { cls[i] = "water_wetland"; continue; }
            double dc = geo.CoastDistanceKm(cells[i].Lon, cells[i].Lat);
            if (dc < 10 && WhiteNoise(spec.Seed, "coast", cells[i].X, cells[i].Y) < 0.85 * (1 - dc / 10)) cls[i] = "water_wetland";
        }

        // 3. Province quotas.
        var depth = new double[n]; var coast = new double[n]; var bashang = new bool[n];
        for (int i = 0; i < n; i++)
        {
            depth[i] = geo.MountainDepthKm(cells[i].Lon, cells[i].Lat);
            coast[i] = geo.CoastDistanceKm(cells[i].Lon, cells[i].Lat);
            double jitter = 0.5 * (Noise(i, "bashang") - 0.5); // [degrees] ragged plateau edge
            bashang[i] = JjjGeography.IsBashang(cells[i].Lon + jitter, cells[i].Lat + jitter);
        }
        foreach (var province in facts.Select(f => f.Province).Distinct().Order(StringComparer.Ordinal))
        {
            var members = Enumerable.Range(0, n).Where(i => facts[cells[i].CityIndex].Province == province).ToList();
            int total = members.Count;
            int Quota(string c) => targets[province].TryGetValue(c, out var pct) ? (int)Math.Round(pct / 100 * total) : 0;
            void Allocate(string c, int count, Func<int, double> suitability)
            {
                if (count <= 0) return;
                foreach (var i in members.Where(i => cls[i] is null).OrderByDescending(suitability).ThenBy(i => i).Take(count)) cls[i] = c;
            }
            Allocate("forest", Quota("forest"), i => Math.Min(depth[i], 60) / 60 - (bashang[i] ? 0.8 : 0) + 1.0 * Noise(i, "forest"));
            int urbanCount = members.Count(i => cls[i] is string s && UrbanClasses.Contains(s));
            Allocate("built_up", Quota("built_up") - urbanCount, i => (depth[i] == 0 ? 1 : -depth[i] / 20) + 0.5 * Noise(i, "village"));
            Allocate("cropland", Quota("cropland"), i => (depth[i] == 0 ? 1 : bashang[i] ? 0.6 : 0.5 - depth[i] / 30) + 0.6 * Noise(i, "crop"));
            Allocate("unused", Quota("unused"), i => Math.Max(0, 1 - coast[i] / 50) + (depth[i] > 40 ? 0.5 : 0) + 0.5 * Noise(i, "unused"));
        }
        for (int i = 0; i < n; i++) cls[i] ??= "grassland";
        return cls!;
    }

    private static List<CityFacts> ReadCities(string path, IReadOnlyList<string> cityIds)
    {
        var t = CsvTable.Read(path, "id", "province", "centroid_lon", "centroid_lat", "population_2020");
        var byId = new Dictionary<string, CityFacts>(StringComparer.Ordinal);
        foreach (var r in t.Rows)
            byId[r.RequireText("id")] = new CityFacts(r.RequireText("province"), r.Number("centroid_lon", -180, 180), r.Number("centroid_lat", -90, 90),
                r.Number("population_2020", 0, 1e10, "a population >= 0"));
        return cityIds.Select(id => byId.TryGetValue(id, out var f) ? f
            : throw new InvalidInputException(path, $"city id {id}", "missing", "a row for every city of the region boundaries")).ToList();
    }

    private static Dictionary<string, Dictionary<string, double>> ReadTargets(string path, List<string> provinces)
    {
        var t = CsvTable.Read(path, "province", "class", "share_pct");
        var known = new HashSet<string>(["forest", "built_up", "cropland", "unused"], StringComparer.Ordinal);
        var result = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        foreach (var r in t.Rows)
        {
            var c = r.RequireText("class");
            if (!known.Contains(c)) throw new InvalidInputException(path, r.Place("class"), c, "one of forest, built_up, cropland, unused (grassland takes the rest)");
            var p = r.RequireText("province");
            if (!result.TryGetValue(p, out var d)) result[p] = d = new Dictionary<string, double>(StringComparer.Ordinal);
            d[c] = r.Number("share_pct", 0, 100, "a percentage in [0, 100]");
        }
        foreach (var (p, d) in result)
            if (d.Values.Sum() > 100) throw new InvalidInputException(path, $"province {p}", d.Values.Sum().ToString(CultureInfo.InvariantCulture), "shares summing to at most 100");
        foreach (var p in provinces)
            if (!result.ContainsKey(p)) throw new InvalidInputException(path, $"province {p}", "missing", "targets for every province of the cities table");
        return result;
    }

    /// <summary>Latest built-up green coverage [%] per city id.</summary>
    private static Dictionary<string, double> ReadCoverage(string path)
    {
        var t = CsvTable.Read(path, "city_id", "year", "green_coverage_builtup_pct");
        var best = new Dictionary<string, (int Year, double Pct)>(StringComparer.Ordinal);
        foreach (var r in t.Rows)
        {
            if (r.IsBlank("green_coverage_builtup_pct")) continue;
            var id = r.RequireText("city_id");
            int year = r.Integer("year", 1900, 2100);
            double pct = r.Number("green_coverage_builtup_pct", 0, 100, "a percentage in [0, 100]");
            if (!best.TryGetValue(id, out var b) || year > b.Year) best[id] = (year, pct);
        }
        return best.ToDictionary(kv => kv.Key, kv => kv.Value.Pct, StringComparer.Ordinal);
    }

    /// <summary>Uniform [0,1) hash of (seed, purpose, x, y rounded to metres).</summary>
    public static double WhiteNoise(long seed, string purpose, double x, double y)
        => Hash01(StreamRandom.Mix((ulong)seed ^ StreamRandom.Fnv1a(purpose)), x, y);

    private static double Hash01(ulong stream, double x, double y)
    {
        ulong h = StreamRandom.Mix(stream ^ (ulong)(long)Math.Round(x));
        h = StreamRandom.Mix(h ^ ((ulong)(long)Math.Round(y) * 0x9E3779B97F4A7C15UL));
        return (h >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>
    /// Smooth value noise in [0,1): 0.6 × bilinear lattice noise at 40 km + 0.25 × at 12 km + 0.15 × white noise,
    /// lattice values hashed from (seed, purpose, lattice index).
    /// </summary>
    public static double SmoothNoise(long seed, string purpose, double x, double y) => new NoiseField(seed, purpose).At(x, y);

    /// <summary>A named smooth noise field; its stream hashes are computed once.</summary>
    public sealed class NoiseField
    {
        private readonly ulong _coarse, _fine, _white;

        public NoiseField(long seed, string purpose)
        {
            _coarse = StreamRandom.Mix((ulong)seed ^ StreamRandom.Fnv1a(purpose + "/40"));
            _fine = StreamRandom.Mix((ulong)seed ^ StreamRandom.Fnv1a(purpose + "/12"));
            _white = StreamRandom.Mix((ulong)seed ^ StreamRandom.Fnv1a(purpose));
        }

        /// <summary>[0,1) Noise at projected x, y [m].</summary>
        public double At(double x, double y) => 0.6 * Lattice(_coarse, x, y, 40000) + 0.25 * Lattice(_fine, x, y, 12000) + 0.15 * Hash01(_white, x, y);

        private static double Lattice(ulong stream, double x, double y, double spacing)
        {
            double gx = x / spacing, gy = y / spacing;
            long ix = (long)Math.Floor(gx), iy = (long)Math.Floor(gy);
            double fx = gx - ix, fy = gy - iy;
            fx = fx * fx * (3 - 2 * fx); fy = fy * fy * (3 - 2 * fy);
            double V(long a, long b) => Hash01(stream, a * 7919.0, b * 104729.0);
            double v00 = V(ix, iy), v10 = V(ix + 1, iy), v01 = V(ix, iy + 1), v11 = V(ix + 1, iy + 1);
            return (v00 * (1 - fx) + v10 * fx) * (1 - fy) + (v01 * (1 - fx) + v11 * fx) * fy;
        }
    }
}
