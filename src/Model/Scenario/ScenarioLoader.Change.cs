using CarbonSim.Model.Io.Formats;
using System.Collections.Immutable;
using System.Globalization;
using CarbonSim.Model.Accounting;
using CarbonSim.Model.LandUse;
using CarbonSim.Model.Region;
using YamlDotNet.RepresentationModel;

namespace CarbonSim.Model.Scenarios;

/// <summary>
/// The issue #5 sections of a scenario (docs/scenario.md §"Land-use change and budgets"):
/// <c>land_use_change</c>, <c>conversion_carbon</c>, <c>green_space</c>, <c>emissions</c>, <c>compensation</c>.
/// All are optional; a scenario without them reads exactly as before.
/// </summary>
public static partial class ScenarioLoader
{
    private const string Any = LandUseClassTable.AnyZone;

    private static LandUseChangeSpec? ReadLandUseChange(YamlMap? m, string dir, LandUseClassTable table)
    {
        if (m is null) return null;
        var names = table.Classes.Select(c => c.Name).ToImmutableArray();
        var demand = ReadDemand(m.RequireMap("demand"), dir, table, names);
        var a = m.RequireMap("allocation");
        int window = (int)a.Integer("window", 5, 1, 7, "an odd neighbourhood window N in {1, 3, 5, 7}");
        if (window % 2 == 0) throw new InvalidInputException(a.File, a.Place("window"), window.ToString(CultureInfo.InvariantCulture), "an odd neighbourhood window N in {1, 3, 5, 7}");
        var builtName = a.OptionalString("built_up_class") ?? "built_up";
        int built = ClassOf(a, "built_up_class", builtName, table, names);
        int radius = (int)a.Integer("built_up_search_radius", 3, 0, 50, "a search radius in cells, in [0, 50]");
        double floor = a.Number("neighbourhood_floor", 0.1, 0, 1000, "a neighbourhood floor >= 0");
        var weights = PerClass(a.OptionalMap("neighbourhood_weight"), table, names, 1.0, 0, 1e6, "a class weight >= 0");
        var elasticity = PerClass(a.OptionalMap("elasticity"), table, names, 0.0, 0, 1, "an elasticity in [0, 1]");
        var suit = ReadSuitability(a.OptionalMap("suitability"), table, names);

        var allowed = new bool[names.Length, names.Length];
        for (int j = 0; j < names.Length; j++) for (int k = 0; k < names.Length; k++) allowed[j, k] = j != k;
        var deny = a.OptionalMap("deny");
        if (deny is not null)
        {
            foreach (var (from, keyNode, value) in deny.Entries())
            {
                int j = from == Any ? -1 : ClassOfNode(deny.File, YamlMap.Place(deny.KeyPath(from), keyNode), from, table, names);
                if (value is not YamlSequenceNode seq)
                    throw new InvalidInputException(deny.File, YamlMap.Place(deny.KeyPath(from), value), YamlMap.Describe(value), "a list of target classes (or [\"*\"])");
                foreach (var t in seq)
                {
                    var to = YamlMap.Describe(t);
                    int k = to == Any ? -1 : ClassOfNode(deny.File, YamlMap.Place(deny.KeyPath(from), t), to, table, names);
                    for (int jj = 0; jj < names.Length; jj++)
                        for (int kk = 0; kk < names.Length; kk++)
                            if ((j < 0 || jj == j) && (k < 0 || kk == k)) allowed[jj, kk] = false;
                }
            }
            deny.RejectUnknownKeys();
        }
        var prot = new bool[names.Length];
        var ps = a.OptionalSequence("protected_classes");
        if (ps is not null)
            foreach (var n in ps)
                prot[ClassOfNode(a.File, YamlMap.Place(a.KeyPath("protected_classes"), n), YamlMap.Describe(n), table, names)] = true;
        string? mask = a.Has("protected_mask") ? ExistingFile(a, "protected_mask", dir, "an existing ESRI ASCII grid (.asc) on the run grid, non-zero = protected") : null;
        a.RejectUnknownKeys();
        m.RejectUnknownKeys();

        var rules = new LandUseRules([.. names], built, window, radius, suit, weights, floor, elasticity, allowed).Validate(m.File);
        return new LandUseChangeSpec { ClassNames = names, Demand = demand, Rules = rules, ProtectedClass = [.. prot], ProtectedMaskPath = mask };
    }

    private static DemandSpec ReadDemand(YamlMap d, string dir, LandUseClassTable table, ImmutableArray<string> names)
    {
        int modes = (d.Has("table") ? 1 : 0) + (d.Has("trend_pct_per_year") ? 1 : 0) + (d.Has("markov") ? 1 : 0);
        if (modes != 1)
            throw new InvalidInputException(d.File, $"{d.Path} (line {d.Node.Start.Line})", $"{modes} of table/trend_pct_per_year/markov",
                "exactly one of 'table' (CSV city_id,year,class,cells), 'trend_pct_per_year' or 'markov'");
        DemandSpec spec;
        if (d.Has("table"))
        {
            var path = ExistingFile(d, "table", dir, "an existing demand CSV (city_id,year,class,cells)");
            spec = new DemandSpec { Kind = DemandKind.Table, Table = DemandTable.Load(path, [.. names]), Source = path };
        }
        else if (d.Has("trend_pct_per_year"))
        {
            var t = d.RequireMap("trend_pct_per_year");
            var b = ImmutableSortedDictionary.CreateBuilder<string, ImmutableArray<double>>(StringComparer.Ordinal);
            foreach (var (city, keyNode, value) in t.Entries())
            {
                if (city != Any && !int.TryParse(city, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                    throw new InvalidInputException(t.File, YamlMap.Place(t.KeyPath(city), keyNode), city, "a city id (e.g. 110000) or \"*\" for every other city");
                if (value is not YamlMappingNode vm)
                    throw new InvalidInputException(t.File, YamlMap.Place(t.KeyPath(city), value), YamlMap.Describe(value), "a mapping class: % of the city's cells per year");
                var cm = new YamlMap(t.File, t.KeyPath(city), vm);
                var rates = new double[names.Length];
                double sum = 0;
                foreach (var (cls, cn, _) in cm.Entries())
                {
                    int k = ClassOfNode(cm.File, YamlMap.Place(cm.KeyPath(cls), cn), cls, table, names);
                    rates[k] = cm.Number(cls, null, -100, 100, "a rate in % of the city's cells per year, in [-100, 100]");
                    sum += rates[k];
                }
                if (Math.Abs(sum) > 1e-9)
                    throw new InvalidInputException(cm.File, $"{cm.Path} (line {cm.Node.Start.Line})", $"rates summing to {sum.ToString("0.######", CultureInfo.InvariantCulture)} % a-1",
                        "rates summing to 0 (a city's area is fixed: what one class gains another loses)");
                b[city] = [.. rates];
            }
            spec = new DemandSpec { Kind = DemandKind.Trend, TrendPctPerYear = b.ToImmutable(), Source = "trend" };
        }
        else
        {
            var mk = d.RequireMap("markov");
            int step = (int)mk.Integer("step_years", null, 1, 100, "a step of whole years in [1, 100]");
            MarkovChain chain;
            string source;
            if (mk.Has("matrix") == mk.Has("from_map"))
                throw new InvalidInputException(mk.File, $"{mk.Path} (line {mk.Node.Start.Line})", mk.Has("matrix") ? "both 'matrix' and 'from_map'" : "neither 'matrix' nor 'from_map'",
                    "exactly one of 'matrix' (CSV from,<class>,...) or 'from_map' + 'to_map' (two class-code grids)");
            if (mk.Has("matrix"))
            {
                source = ExistingFile(mk, "matrix", dir, "an existing transition matrix CSV (header from,<class>,...)");
                chain = MarkovChain.Parse(source, [.. names], File.ReadAllText(source), step);
            }
            else
            {
                var a = ExistingFile(mk, "from_map", dir, "an existing ESRI ASCII grid of class codes");
                var b = ExistingFile(mk, "to_map", dir, "an existing ESRI ASCII grid of class codes");
                chain = MarkovChain.Estimate(ReadClassMap(a, table), ReadClassMap(b, table), names.Length, step, $"{a} -> {b}");
                source = $"{a} -> {b}";
            }
            mk.RejectUnknownKeys();
            spec = new DemandSpec { Kind = DemandKind.Markov, Markov = chain, Source = source };
        }
        d.RejectUnknownKeys();
        return spec;
    }

    /// <summary>Reads a grid of class codes into class indices (position in the class table); NoData → <see cref="LandUseMap.NoData"/>.</summary>
    public static LandUseMap ReadClassMap(string path, LandUseClassTable table)
    {
        var g = EsriAsciiGrid.Read(path);
        var idx = new int[g.Values.Length];
        for (int i = 0; i < idx.Length; i++)
        {
            double v = g.Values[i];
            if (g.NoData is double nd && v == nd) { idx[i] = LandUseMap.NoData; continue; }
            int code = (int)v;
            if (code != v || !table.TryGetByCode(code, out var cls))
                throw new InvalidInputException(path, $"row {i / g.Cols}, col {i % g.Cols}", v.ToString("R", CultureInfo.InvariantCulture),
                    $"a class code of the class table ({string.Join(", ", table.Classes.Select(c => $"{c.Code}={c.Name}"))}) or nodata");
            idx[i] = table.Classes.IndexOf(cls);
        }
        return new LandUseMap(g.Cols, g.Rows, idx);
    }

    private static string NoDemYet(string coefficient) =>
        $"0: the suitability coefficient {coefficient} needs an elevation model, and scenarios have no DEM input yet (non-zero values are rejected until a DEM input exists)";

    private static SuitabilityCoefficients[] ReadSuitability(YamlMap? m, LandUseClassTable table, ImmutableArray<string> names)
    {
        var zero = new SuitabilityCoefficients(0, 0, 0, 0, 0);
        var result = Enumerable.Repeat(zero, names.Length).ToArray();
        if (m is null) return result;
        SuitabilityCoefficients Read(YamlMap c) 
        {
            var s = new SuitabilityCoefficients(
                c.Number("intercept", 0, -100, 100, "a coefficient b0 in [-100, 100]"),
                c.Number("per_km_to_centre", 0, -100, 100, "a coefficient b1 [km-1] in [-100, 100]"),
                c.Number("per_cell_to_built_up", 0, -100, 100, "a coefficient b2 [cell-1] in [-100, 100]"),
                // b3 and b4 multiply elevation and slope, and there is no elevation input yet (every cell would see 0 m,
                // 0°): a non-zero coefficient would be accepted and do nothing, so it is rejected.
                c.Number("per_m_elevation", 0, 0, 0, NoDemYet("b3 [m-1]")),
                c.Number("per_deg_slope", 0, 0, 0, NoDemYet("b4 [deg-1]")));
            c.RejectUnknownKeys();
            return s;
        }
        var entries = m.Entries().ToList();
        foreach (var pass in new[] { true, false }) // "*" first, then classes override it
            foreach (var (cls, keyNode, value) in entries)
            {
                if ((cls == Any) != pass) continue;
                if (value is not YamlMappingNode vm)
                    throw new InvalidInputException(m.File, YamlMap.Place(m.KeyPath(cls), value), YamlMap.Describe(value), "a mapping of logistic coefficients (intercept, per_km_to_centre, ...)");
                var s = Read(new YamlMap(m.File, m.KeyPath(cls), vm));
                if (cls == Any) Array.Fill(result, s);
                else result[ClassOfNode(m.File, YamlMap.Place(m.KeyPath(cls), keyNode), cls, table, names)] = s;
            }
        return result;
    }

    /// <summary>A per-class value map (<c>"*"</c> = default for classes not listed).</summary>
    private static double[] PerClass(YamlMap? m, LandUseClassTable table, ImmutableArray<string> names, double fallback, double min, double max, string what)
    {
        var v = Enumerable.Repeat(fallback, names.Length).ToArray();
        if (m is null) return v;
        if (m.Has(Any)) Array.Fill(v, m.Number(Any, null, min, max, what));
        foreach (var (cls, keyNode, _) in m.Entries())
        {
            if (cls == Any) continue;
            v[ClassOfNode(m.File, YamlMap.Place(m.KeyPath(cls), keyNode), cls, table, names)] = m.Number(cls, null, min, max, what);
        }
        return v;
    }

    private static int ClassOf(YamlMap m, string key, string name, LandUseClassTable table, ImmutableArray<string> names) =>
        ClassOfNode(m.File, m.Place(key), name, table, names);

    private static int ClassOfNode(string file, string place, string name, LandUseClassTable table, ImmutableArray<string> names)
    {
        var cls = table.Require(name, file, place);
        return names.IndexOf(cls.Name);
    }

    private static ConversionCarbonSpec? ReadConversionCarbon(YamlMap? m, string file, LandUseClassTable table, LandUseChangeSpec? luc)
    {
        if (m is null)
        {
            if (luc is not null)
                throw new InvalidInputException(file, "conversion_carbon (top level)", "missing",
                    "a 'conversion_carbon' section whenever 'land_use_change' is given (how carbon moves when a cell changes class)");
            return null;
        }
        if (luc is null)
            throw new InvalidInputException(m.File, $"{m.Path} (line {m.Node.Start.Line})", "conversion_carbon without land_use_change", "a 'land_use_change' section for the conversions to apply to");
        var names = luc.ClassNames;
        double halfLife = m.Number("wood_product_half_life_years", null, 0.1, 1000, "a half-life in years, in [0.1, 1000]");
        double sealedLoss = m.Number("sealed_soil_loss", null, 0, 1, "a share of soil C lost under newly sealed surface, in [0, 1]");
        var def = ReadRuleShares(m.RequireMap("default"), null);
        var over = new Dictionary<(int, int), (double, double, double, double, double?)>();
        var seq = m.OptionalSequence("rules");
        if (seq is not null)
        {
            int i = 0;
            foreach (var n in seq)
            {
                string path = $"{m.KeyPath("rules")}[{i++}]";
                if (n is not YamlMappingNode rm)
                    throw new InvalidInputException(m.File, YamlMap.Place(path, n), YamlMap.Describe(n), "a mapping {from, to, veg_to_atmosphere, ...}");
                var r = new YamlMap(m.File, path, rm);
                int from = ClassOf(r, "from", r.RequireString("from", "a class name"), table, names);
                int to = ClassOf(r, "to", r.RequireString("to", "a class name"), table, names);
                if (from == to) throw new InvalidInputException(r.File, r.Place("to"), names[to], "a class other than 'from'");
                if (!over.TryAdd((from, to), ReadRuleShares(r, def)))
                    throw new InvalidInputException(r.File, $"{path} (line {rm.Start.Line})", $"{names[from]} -> {names[to]} again", "one rule per transition");
            }
        }
        m.RejectUnknownKeys();
        var rules = ImmutableArray.CreateBuilder<ConversionRule>();
        for (int j = 0; j < names.Length; j++)
            for (int k = 0; k < names.Length; k++)
            {
                if (j == k) continue;
                var s = over.TryGetValue((j, k), out var o) ? o : def;
                double sealedFrom = table.Classes[j].DefaultMix.SealedFraction, sealedTo = table.Classes[k].DefaultMix.SealedFraction;
                var sealing = SealedSoil.Shares(sealedFrom, sealedTo, sealedLoss, s.Item4, s.Item5);
                rules.Add(new ConversionRule(j, k, s.Item1, s.Item2, s.Item3, sealing.LitterToAtmosphere, sealing.SoilToAtmosphere,
                    sealing.SoilToSealed, sealing.SealedToSoil).Validate(m.File));
            }
        var spec = new ConversionCarbonSpec(halfLife, sealedLoss, rules.ToImmutable());
        spec.ToRules(m.File);
        return spec;
    }

    private static (double, double, double, double, double?) ReadRuleShares(YamlMap r, (double, double, double, double, double?)? fallback)
    {
        var f = fallback ?? (0, 0, 0, 0, null);
        const string share = "a share in [0, 1]";
        double atm = r.Number("veg_to_atmosphere", fallback is null ? null : f.Item1, 0, 1, share);
        double wood = r.Number("veg_to_wood_products", fallback is null ? null : f.Item2, 0, 1, share);
        double litter = r.Number("veg_to_litter", fallback is null ? null : f.Item3, 0, 1, share);
        double lit = r.Number("litter_to_atmosphere", fallback is null ? 0 : f.Item4, 0, 1, share);
        double? soil = r.Has("soil_to_atmosphere") ? r.Number("soil_to_atmosphere", null, 0, 1, share) : f.Item5;
        if (atm + wood + litter > 1 + 1e-12)
            throw new InvalidInputException(r.File, $"{r.Path} (line {r.Node.Start.Line})",
                $"veg_to_atmosphere + veg_to_wood_products + veg_to_litter = {(atm + wood + litter).ToString("R", CultureInfo.InvariantCulture)}", "vegetation shares summing to at most 1");
        if (fallback is null) r.RejectUnknownKeys();
        return (atm, wood, litter, lit, soil);
    }

    private static GreenSpaceSpec? ReadGreenSpace(YamlMap? m, string dir, LandUseClassTable table, LandUseChangeSpec? luc, int start, int end)
    {
        if (m is null) return null;
        if (luc is null)
            throw new InvalidInputException(m.File, $"{m.Path} (line {m.Node.Start.Line})", "green_space without land_use_change",
                "a 'land_use_change' section (green-space targets override its demand)");
        string? citiesPath = m.Has("cities") ? ExistingFile(m, "cities", dir, "an existing cities CSV with population_2020") : null;
        IReadOnlyList<CityFacts>? facts = citiesPath is null ? null : CityFacts.Load(citiesPath);
        var seq = m.OptionalSequence("targets") ?? throw new InvalidInputException(m.File, m.MissingPlace("targets"), "missing", "a list of green-space targets");
        var b = ImmutableArray.CreateBuilder<GreenSpaceTarget>();
        int i = 0;
        foreach (var n in seq)
        {
            string path = $"{m.KeyPath("targets")}[{i++}]";
            if (n is not YamlMappingNode tm)
                throw new InvalidInputException(m.File, YamlMap.Place(path, n), YamlMap.Describe(n), "a mapping {city, class, from, by_year, km2 | m2_per_person}");
            var t = new YamlMap(m.File, path, tm);
            int city = (int)t.Integer("city", null, 1, 999999, "a city id (e.g. 110000)");
            int cls = ClassOf(t, "class", t.RequireString("class", "a green-space class name"), table, luc.ClassNames);
            int donor = ClassOf(t, "from", t.RequireString("from", "the donor class name"), table, luc.ClassNames);
            if (cls == donor) throw new InvalidInputException(t.File, t.Place("from"), luc.ClassNames[donor], "a donor class other than 'class'");
            int by = (int)t.Integer("by_year", null, start + 1, end, $"a year in ({start}, {end}]");
            if (t.Has("km2") == t.Has("m2_per_person"))
                throw new InvalidInputException(t.File, $"{path} (line {tm.Start.Line})", t.Has("km2") ? "both km2 and m2_per_person" : "neither km2 nor m2_per_person",
                    "exactly one of 'km2' (area added, negative removes) or 'm2_per_person' (target area per inhabitant)");
            if (t.Has("km2"))
                b.Add(new AddGreenArea(city, cls, donor, by, t.Number("km2", null, -1e6, 1e6, "an area in km2")));
            else
            {
                double per = t.Number("m2_per_person", null, 0, 10000, "an area per person in m2, in [0, 10000]");
                if (facts is null) throw new InvalidInputException(m.File, m.MissingPlace("cities"), "missing", "a 'cities' CSV (population) for m2_per_person targets");
                var f = facts.FirstOrDefault(x => x.Id == city)
                        ?? throw new InvalidInputException(t.File, t.Place("city"), city.ToString(CultureInfo.InvariantCulture), $"a city of {citiesPath}");
                b.Add(new GreenAreaPerPerson(city, cls, donor, by, per, f.Population));
            }
            t.RejectUnknownKeys();
        }
        m.RejectUnknownKeys();
        return new GreenSpaceSpec(b.ToImmutable(), citiesPath);
    }

    private static EmissionsSpec? ReadEmissions(YamlMap? m, string dir, bool needed, string scenarioFile)
    {
        if (m is null && !needed) return null;
        string? repoData = FindRepoData(dir);
        string Path1(YamlMap? mm, string key, string defaultRel, string what)
        {
            if (mm is not null && mm.Has(key)) return ExistingFile(mm, key, dir, what);
            var p = repoData is null ? null : Path.Combine(repoData, defaultRel);
            if (p is null || !File.Exists(p))
                throw new InvalidInputException(scenarioFile, mm?.MissingPlace(key) ?? $"emissions.{key}", "missing", $"{what} (no default data/{defaultRel} found above the scenario)");
            return p;
        }
        var inv = Path1(m, "inventory", Path.Combine("jjj", "emissions.csv"), "an existing emission inventory CSV");
        var unit = m?.OptionalString("unit") ?? "mt_co2";
        if (unit is not ("mt_co2" or "t_co2"))
            throw new InvalidInputException(m!.File, m.Place("unit"), unit, "'mt_co2' (column co2_mt, CEADs) or 't_co2' (column t_co2)");
        var eco = Path1(m, "economy", Path.Combine("jjj", "economy.csv"), "an existing GDP CSV (city_id, year, gdp_billion_rmb[, engel_coefficient])");
        double gdpGrowth = m?.Number("gdp_growth_pct_per_year", 0, -50, 50, "a GDP growth rate in % a-1 in [-50, 50]") ?? 0;
        double toTonnes = unit == "mt_co2" ? 1e6 : 1.0;
        string column = unit == "mt_co2" ? "co2_mt" : "t_co2";
        var pathway = ReadPathway(m?.OptionalMap("pathway"), dir, column, toTonnes);
        bool popGrowthGiven = m is not null && m.Has("population_growth_pct_per_year");
        double popGrowth = m?.Number("population_growth_pct_per_year", 0, -50, 50, "a population growth rate in % a-1 in [-50, 50]") ?? 0;
        string? popTable = m is not null && m.Has("population_table") ? ExistingFile(m, "population_table", dir, "an existing CSV (city_id, year, population)") : null;
        if (popGrowthGiven && popTable is not null)
            throw new InvalidInputException(m!.File, m.Place("population_table"), "both population_table and population_growth_pct_per_year", "one of them (a table, or a growth rate from the economy table's population)");
        m?.RejectUnknownKeys();
        var inventory = EmissionInventory.Load(inv, column, toTonnes).WithPathway(pathway);
        var economy = CityEconomy.Load(eco);
        // Population: a table, or growth from the economy table's column; without either key, held flat when every row has one.
        PopulationPath? population = popTable is not null ? PopulationPath.Table.Load(popTable)
            : popGrowthGiven || (economy.Count > 0 && economy.Values.All(e => e.Population is not null)) ? new PopulationPath.Growth(popGrowth)
            : null;
        return new EmissionsSpec(inv, unit, inventory, eco, economy, gdpGrowth, population);
    }

    /// <summary><c>emissions.pathway</c>: emissions after each city's last inventory year (docs/accounting.md §2).</summary>
    private static EmissionPathway ReadPathway(YamlMap? m, string dir, string column, double toTonnes)
    {
        if (m is null) return new EmissionPathway.Hold();
        var type = m.RequireString("type", "'hold', 'peak_decline', 'target' or 'table'");
        EmissionPathway p = type switch
        {
            "hold" => new EmissionPathway.Hold(),
            "peak_decline" => new EmissionPathway.PeakDecline(
                (int)m.Integer("peak_year", null, 1900, 2200, "the peak year"),
                m.Number("growth_pct_per_year", 0, -100, 100, "a growth rate before the peak in % a-1 in [-100, 100] (-100 would reach zero)") is var g && g <= -100
                    ? throw new InvalidInputException(m.File, m.Place("growth_pct_per_year"), "-100", "a growth rate > -100 % a-1 (emissions must stay > 0)") : g,
                m.Number("decline_pct_per_year", null, double.NegativeInfinity, double.PositiveInfinity, "a decline rate in % a-1") is var d && !(d >= 0 && d < 100)
                    ? throw new InvalidInputException(m.File, m.Place("decline_pct_per_year"), d.ToString(CultureInfo.InvariantCulture), "a decline rate in [0, 100) % a-1 (100 or more would take emissions to zero or below)") : d),
            "target" => new EmissionPathway.Target(
                (int)m.Integer("year", null, 1900, 2200, "the target year"),
                m.Number("level_pct", null, double.NegativeInfinity, double.PositiveInfinity, "a target level in % of the last inventory year") is var l && !(l > 0 && l <= 1000)
                    ? throw new InvalidInputException(m.File, m.Place("level_pct"), l.ToString(CultureInfo.InvariantCulture), "a target level in (0, 1000] % of the last inventory year (emissions must stay > 0)") : l),
            "table" => EmissionPathway.Table.Load(ExistingFile(m, "file", dir, $"an existing CSV (city_id, year, {column})"), column, toTonnes),
            _ => throw new InvalidInputException(m.File, m.Place("type"), type, "'hold', 'peak_decline', 'target' or 'table'"),
        };
        m.RejectUnknownKeys();
        return p;
    }

    /// <summary>The repository's data folder: walk up from the scenario folder to the one holding CarbonSim.sln.</summary>
    private static string? FindRepoData(string dir)
    {
        for (var d = new DirectoryInfo(dir); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "CarbonSim.sln"))) return Path.Combine(d.FullName, "data");
        return null;
    }

    private static CompensationSpec? ReadCompensation(YamlMap? m, string dir, int start, int end)
    {
        if (m is null) return null;
        var currency = m.OptionalString("currency") ?? "RMB";
        var price = ReadPrice(m, dir, currency, start, end);
        var sinkText = m.OptionalString("sink") ?? "nep";
        var sink = sinkText switch
        {
            "nep" => SinkBasis.Nep,
            "nbp" => SinkBasis.Nbp,
            _ => throw new InvalidInputException(m.File, m.Place("sink"), sinkText, "'nep' or 'nbp'"),
        };
        var schemeText = m.OptionalString("scheme") ?? "relative_budget";
        var settings = new CompensationSettings
        {
            Scheme = CompensationSettings.ParseScheme(schemeText, m.File, m.Has("scheme") ? m.Place("scheme") : "compensation.scheme"),
            WindowYears = (int)m.Integer("window_years", 5, 1, 1000, "a smoothing window of at least 1 year"),
            EscThreshold = m.Number("esc_threshold", 1.0, 1e-6, 1e6, "an ESC threshold > 0 (1 = the city's share of the sink equals its share of the emissions)"),
            EccThreshold = m.Number("ecc_threshold", 1.0, 1e-6, 1e6, "an ECC threshold > 0 (1 = the city's share of GDP equals its share of the emissions)"),
            HysteresisBand = m.Number("hysteresis", 0.4, 0, 10, "a hysteresis band in [0, 10] on the ESC/ECC thresholds"),
            Currency = currency,
        }.Checked(m.File);
        double defK = 1.0;
        var kb = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        var km = m.OptionalMap("k");
        if (km is not null)
        {
            foreach (var (key, _, _) in km.Entries())
            {
                double v = km.Number(key, null, 0, 100, "an adjustment factor k in [0, 100]");
                if (key == Any) defK = v;
                else kb[key] = v;
            }
        }
        m.RejectUnknownKeys();
        return new CompensationSpec(price, sink, settings, defK, kb.ToImmutable());
    }

    /// <summary><c>price_rmb_per_t_co2</c> (a constant in RMB) or <c>price</c>: {constant} | {value, year, growth_pct_per_year} | {table}.</summary>
    private static PricePath ReadPrice(YamlMap m, string dir, string currency, int start, int end)
    {
        bool legacy = m.Has("price_rmb_per_t_co2"), path = m.Has("price");
        if (legacy == path)
            throw new InvalidInputException(m.File, legacy ? m.Place("price") : m.MissingPlace("price"), legacy ? "both price and price_rmb_per_t_co2" : "missing",
                "exactly one of 'price' ({constant}, {value, year, growth_pct_per_year} or {table}) or 'price_rmb_per_t_co2'");
        if (legacy)
        {
            if (currency != "RMB") throw new InvalidInputException(m.File, m.Place("price_rmb_per_t_co2"), currency, "currency RMB with price_rmb_per_t_co2 (use 'price' for another currency)");
            return new PricePath.Constant(m.Number("price_rmb_per_t_co2", null, 0, 1e6, "a carbon price >= 0 RMB per t CO2 (e.g. 62.36, CEA 2025 average)"));
        }
        var p = m.RequireMap("price");
        PricePath result;
        if (p.Has("constant")) result = new PricePath.Constant(p.Number("constant", null, 0, 1e6, $"a carbon price >= 0 {currency} per t CO2"));
        else if (p.Has("table")) result = PricePath.Table.Load(ExistingFile(p, "table", dir, "an existing CSV (year, price)"), start, end);
        else if (p.Has("growth_pct_per_year"))
            result = new PricePath.Growth(p.Number("value", null, 0, 1e6, $"the price >= 0 {currency} per t CO2 in 'year'"),
                (int)p.Integer("year", start, 1900, 2200, "the year of 'value'"), p.Number("growth_pct_per_year", null, -99, 100, "a growth rate in % a-1 in [-99, 100]"));
        else throw new InvalidInputException(p.File, p.MissingPlace("constant"), "missing", "one of 'constant', 'table' or 'value' + 'growth_pct_per_year'");
        p.RejectUnknownKeys();
        return result;
    }
}
