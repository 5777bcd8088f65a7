using CarbonSim.Model.Io.Formats;
using CarbonSim.Model.Accounting;

namespace CarbonSim.Model.Valuation;

/// <summary>[t C ha-1] The four InVEST carbon pools of a land-use class.</summary>
public readonly record struct CarbonPools(double Above, double Below, double Soil, double Dead)
{
    /// <summary>[t C ha-1] Storage = above + below + soil + dead.</summary>
    public double Total => Above + Below + Soil + Dead;
}

/// <summary>
/// The InVEST Carbon biophysical table: lucode → four pool densities (t C ha-1). Columns as in InVEST:
/// lucode, c_above, c_below, c_soil, c_dead (a lulc_name column is optional).
/// </summary>
public sealed class PoolTable
{
    private readonly SortedDictionary<int, (string Name, CarbonPools Pools)> _rows;
    public string Source { get; }

    public PoolTable(string source, SortedDictionary<int, (string Name, CarbonPools Pools)> rows) { Source = source; _rows = rows; }

    public IEnumerable<int> Codes => _rows.Keys;

    public static PoolTable Load(string path) => FromCsv(CsvTable.Read(path));

    public static PoolTable FromCsv(CsvTable csv)
    {
        string[] pools = ["c_above", "c_below", "c_soil", "c_dead"];
        foreach (var col in pools.Prepend("lucode"))
            if (!csv.HasColumn(col)) throw new InvalidInputException(csv.File, "line 1 (header)", string.Join(",", csv.Header), $"a column named '{col}'");
        bool named = csv.HasColumn("lulc_name");
        var rows = new SortedDictionary<int, (string, CarbonPools)>();
        foreach (var r in csv.Rows)
        {
            int c = r.Integer("lucode");
            var v = pools.Select(col => r.Number(col, 0, double.PositiveInfinity, "a density >= 0 t C/ha")).ToArray();
            var p = new CarbonPools(v[0], v[1], v[2], v[3]);
            if (!rows.TryAdd(c, (named ? r.Text("lulc_name") : c.ToString(System.Globalization.CultureInfo.InvariantCulture), p)))
                throw new InvalidInputException(csv.File, r.Place("lucode"), c.ToString(System.Globalization.CultureInfo.InvariantCulture), "each lucode once");
        }
        return new PoolTable(csv.File, rows);
    }

    /// <summary>The pools of a class; a class missing from the table is an error naming the map place.</summary>
    public CarbonPools For(int lucode, string mapName, string place) =>
        _rows.TryGetValue(lucode, out var r) ? r.Pools
            : throw new InvalidInputException(mapName, place, lucode.ToString(),
                $"a land-use code listed in the carbon pool table {Source} (codes: {string.Join(", ", _rows.Keys)})");

    /// <summary>A copy with every density multiplied by climate factors (see <see cref="ClimateDensityScaling"/>).</summary>
    public PoolTable Scaled(ClimateFactors f, bool scaleDead = false)
    {
        var rows = new SortedDictionary<int, (string, CarbonPools)>();
        foreach (var (k, v) in _rows) rows[k] = (v.Name, ClimateDensityScaling.Apply(v.Pools, f, scaleDead));
        return new PoolTable(Source + " (climate-scaled)", rows);
    }
}

/// <summary>InVEST Carbon (static pools): storage, change and net present value of the change.</summary>
public static class InvestCarbon
{
    /// <summary>[t C ha-1] Storage per pixel; NaN where the map holds <paramref name="nodata"/>.</summary>
    public static double[] Storage(int[] lulc, int width, PoolTable table, int? nodata, string mapName = "lulc")
    {
        var s = new double[lulc.Length];
        for (int i = 0; i < lulc.Length; i++)
            s[i] = nodata.HasValue && lulc[i] == nodata.Value ? double.NaN
                : table.For(lulc[i], mapName, $"row {i / width + 1} column {i % width + 1}").Total;
        return s;
    }

    /// <summary>[t C ha-1] Change = alternate − baseline (positive = sequestration); NaN where either is NaN.</summary>
    public static double[] Change(double[] baseline, double[] alternate)
    {
        if (baseline.Length != alternate.Length)
            throw new InvalidInputException("alternate map", "grid", $"{alternate.Length} cells", $"the baseline's {baseline.Length} cells");
        var c = new double[baseline.Length];
        for (int i = 0; i < c.Length; i++) c[i] = alternate[i] - baseline[i];
        return c;
    }

    /// <summary>
    /// [currency per t C] Valuation constant K for a change spread evenly over n years at price V per t C,
    /// market discount rate r % and annual price change c %:
    /// ratio = 1/((1 + r/100)(1 + c/100)); K = (V/n)(1 − ratio^n)/(1 − ratio), and K = V when ratio = 1.
    /// </summary>
    public static double ValuationConstant(double pricePerTonneC, double discountRatePct, double priceChangePct, int years)
    {
        if (!double.IsFinite(pricePerTonneC) || pricePerTonneC < 0)
            throw new InvalidInputException("valuation", "price_per_metric_ton_of_c", pricePerTonneC.ToString("R"), "a finite price >= 0");
        if (!double.IsFinite(discountRatePct) || discountRatePct <= -100)
            throw new InvalidInputException("valuation", "discount_rate", discountRatePct.ToString("R"), "a finite rate > -100 %");
        if (!double.IsFinite(priceChangePct) || priceChangePct <= -100)
            throw new InvalidInputException("valuation", "rate_change", priceChangePct.ToString("R"), "a finite rate > -100 %");
        if (years <= 0) throw new InvalidInputException("valuation", "alternate year − baseline year", years.ToString(), "at least 1 year");
        double ratio = 1.0 / ((1 + discountRatePct / 100) * (1 + priceChangePct / 100));
        if (ratio == 1.0) return pricePerTonneC;
        return pricePerTonneC / years * (1 - Math.Pow(ratio, years)) / (1 - ratio);
    }

    /// <summary>[currency ha-1] NPV per hectare = change × K.</summary>
    public static double[] NpvPerHa(double[] changePerHa, double k) => changePerHa.Select(c => c * k).ToArray();

    /// <summary>Σ value × pixel area (m2) / 10,000 over valid pixels: t C for storage/change, currency for NPV.</summary>
    public static double Total(double[] perHa, double pixelAreaM2)
    {
        double s = 0;
        foreach (var v in perHa) if (!double.IsNaN(v)) s += v * pixelAreaM2 / 10_000.0;
        return s;
    }
}

/// <summary>Multipliers for biomass (above, below) and soil densities, study area relative to reference.</summary>
public readonly record struct ClimateFactors(double Biomass, double Soil);

/// <summary>
/// Climate scaling of literature densities used in Chinese InVEST studies (science notes §2; Alam et al.
/// 2013 and Chen et al. 2007 relations as quoted there). P in mm a-1, T in °C:
/// soil C = 3.3968·P + 3996.1; biomass C = 6.798·e^(0.0054·P) (precipitation) and 28·T + 398 (temperature).
/// Factors are ratios study/reference: K_B = K_BP·K_BT for above/below ground, K_S = K_SP for soil.
/// Dead matter is left unscaled unless asked (no relation given for it).
/// </summary>
public static class ClimateDensityScaling
{
    public static double SoilFromPrecipitation(double pMm) => 3.3968 * pMm + 3996.1;
    public static double BiomassFromPrecipitation(double pMm) => 6.798 * Math.Exp(0.0054 * pMm);
    public static double BiomassFromTemperature(double tC) => 28 * tC + 398;

    public static ClimateFactors Factors(double studyPrecipMm, double studyTempC, double refPrecipMm, double refTempC)
    {
        foreach (var (n, v) in new[] { ("study precipitation", studyPrecipMm), ("reference precipitation", refPrecipMm) })
            if (!(v >= 0) || double.IsInfinity(v)) throw new InvalidInputException("climate scaling", n, v.ToString("R"), "a finite annual precipitation >= 0 mm");
        foreach (var (n, v) in new[] { ("study temperature", studyTempC), ("reference temperature", refTempC) })
            if (!double.IsFinite(v) || 28 * v + 398 <= 0) throw new InvalidInputException("climate scaling", n, v.ToString("R"), "a finite mean temperature > -14.2 °C (28·T + 398 > 0)");
        double kbp = BiomassFromPrecipitation(studyPrecipMm) / BiomassFromPrecipitation(refPrecipMm);
        double kbt = BiomassFromTemperature(studyTempC) / BiomassFromTemperature(refTempC);
        double ks = SoilFromPrecipitation(studyPrecipMm) / SoilFromPrecipitation(refPrecipMm);
        return new ClimateFactors(kbp * kbt, ks);
    }

    public static CarbonPools Apply(CarbonPools p, ClimateFactors f, bool scaleDead = false) =>
        new(p.Above * f.Biomass, p.Below * f.Biomass, p.Soil * f.Soil, scaleDead ? p.Dead * f.Biomass : p.Dead);
}
