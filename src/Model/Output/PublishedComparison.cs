using System.Globalization;

namespace CarbonSim.Model.Output;

/// <summary>
/// Compares a run with its <see cref="RunResults.PublishedRanges"/> and explains any difference
/// from the run's own numbers (which cities or pools carry it, and how large a change would close it).
/// </summary>
public static class PublishedComparison
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>[-] Relative area mismatch above which a total is compared as a density.</summary>
    public const double AreaMismatchTolerance = 0.02;

    /// <summary>One check per range whose key is known; unknown keys are skipped.</summary>
    public static IReadOnlyList<RangeCheck> Evaluate(RunResults r)
    {
        var list = new List<RangeCheck>();
        foreach (var p in r.PublishedRanges)
        {
            if (p.Key == PublishedRange.RegionalMeanNppKey) list.Add(Npp(r, p));
            else if (p.Key == PublishedRange.TotalStorageKey) list.Add(Storage(r, p));
        }
        return list;
    }

    /// <summary>[g C m-2 a-1] Mean over the run's years of the region's area-weighted NPP.</summary>
    public static double RegionalMeanNpp(RunResults r) =>
        OutputUnits.ToGramsPerM2(r.Years.Select(y => r.RegionRow(y)!.Npp).Average());

    /// <summary>[g C m-2 a-1] Mean over the run's years of one city's NPP.</summary>
    public static double CityMeanNpp(RunResults r, string cityId) =>
        OutputUnits.ToGramsPerM2(r.SeriesOf(cityId).Select(c => c.Npp).Average());

    private static (RangeStatus, double) Place(double v, double lo, double hi) =>
        v < lo ? (RangeStatus.Below, (v - lo) / lo) : v > hi ? (RangeStatus.Above, (v - hi) / hi) : (RangeStatus.Within, 0.0);

    private static string F(double v, int decimals) => v.ToString("F" + decimals, Inv);
    private static string Pct(double fraction) => (100 * Math.Abs(fraction)).ToString("F0", Inv) + "%";

    private static RangeCheck Npp(RunResults r, PublishedRange p)
    {
        double mean = RegionalMeanNpp(r);
        var annual = r.Years.Select(y => OutputUnits.ToGramsPerM2(r.RegionRow(y)!.Npp)).ToList();
        string basis = $"mean of the region's area-weighted NPP over {r.FirstYear}–{r.LastYear} " +
                       $"(annual values {F(annual.Min(), 0)}–{F(annual.Max(), 0)} g C m-2 a-1)";
        var (status, dev) = Place(mean, p.Low, p.High);
        double gpp = r.Years.Select(y => r.RegionRow(y)!.Gpp).Average();
        double cue = gpp > 0 ? OutputUnits.ToGramsPerM2(r.Years.Select(y => r.RegionRow(y)!.Npp).Average()) / OutputUnits.ToGramsPerM2(gpp) : double.NaN;
        string text;
        if (status == RangeStatus.Within)
        {
            double pos = (mean - p.Low) / (p.High - p.Low);
            text = $"Modelled regional mean NPP {F(mean, 0)} g C m-2 a-1 lies within the published range " +
                   $"{F(p.Low, 0)}–{F(p.High, 0)}, {Pct(pos)} of the way from its lower to its upper end.";
        }
        else
        {
            string dir = status == RangeStatus.Above ? "above" : "below";
            double bound = status == RangeStatus.Above ? p.High : p.Low;
            // Cities whose own mean NPP lies beyond the same bound, and their share of the area.
            double totalArea = r.Cities.Sum(c => r.Row(c.Id, r.LastYear)!.AreaM2);
            var beyond = r.Cities
                .Select(c => (City: c, Npp: CityMeanNpp(r, c.Id), Area: r.Row(c.Id, r.LastYear)!.AreaM2))
                .Where(x => status == RangeStatus.Above ? x.Npp > bound : x.Npp < bound)
                .OrderByDescending(x => Math.Abs(x.Npp - bound) * x.Area)
                .ToList();
            double share = totalArea > 0 ? beyond.Sum(x => x.Area) / totalArea : 0;
            text = $"Modelled regional mean NPP {F(mean, 0)} g C m-2 a-1 is {Pct(dev)} {dir} the published " +
                   $"{(status == RangeStatus.Above ? "upper" : "lower")} bound {F(bound, 0)}. ";
            text += beyond.Count > 0
                ? $"{beyond.Count} of {r.Cities.Count} cities ({Pct(share)} of the area) are themselves {dir} it; " +
                  $"the largest area-weighted contribution is {beyond[0].City.Name} ({F(beyond[0].Npp, 0)} g C m-2 a-1). "
                : "No single city is beyond the bound on its own; the difference comes from the area weighting. ";
            if (double.IsFinite(cue))
                text += $"The run's NPP/GPP ratio is {F(cue, 2)}, so the gap may come from photosynthesis (GPP) as much as from autotrophic respiration.";
        }
        return new RangeCheck(p, mean, p.Low, p.High, p.Unit, basis, status, dev, text.TrimEnd());
    }

    private static RangeCheck Storage(RunResults r, PublishedRange p)
    {
        int year = p.ReferenceYear is int ry && r.Years.Contains(ry) ? ry : r.FirstYear;
        var row = r.RegionRow(year)!;
        double totalTg = OutputUnits.KgToTg(row.TotalCKg);
        double areaKm2 = OutputUnits.ToKm2(row.AreaM2);
        bool asDensity = p.ReferenceAreaKm2 is double refA && refA > 0 && Math.Abs(areaKm2 - refA) / refA > AreaMismatchTolerance;

        double modelled, lo, hi; string unit, basis;
        if (asDensity)
        {
            double refA2 = p.ReferenceAreaKm2!.Value;
            // Tg over km² → t ha-1: 1 Tg = 1e6 t, 1 km² = 100 ha.
            lo = p.Low * 1e6 / (refA2 * 100); hi = p.High * 1e6 / (refA2 * 100);
            modelled = OutputUnits.ToTonnesPerHa(row.TotalC);
            unit = "t C ha-1";
            basis = $"mean density in {year} over the run's {F(areaKm2, 0)} km², compared with the published totals " +
                    $"spread over their {F(refA2, 0)} km² (run total {F(totalTg, 1)} Tg C)";
        }
        else
        {
            modelled = totalTg; lo = p.Low; hi = p.High; unit = p.Unit;
            basis = $"region total in {year} over {F(areaKm2, 0)} km²";
        }
        var (status, dev) = Place(modelled, lo, hi);
        double tot = row.TotalC;
        string shares = tot > 0
            ? $"Of the modelled stock, vegetation holds {Pct(row.VegC / tot)}, litter {Pct(row.LitterC / tot)} and soil {Pct(row.SoilC / tot)}."
            : "The modelled stock is zero.";
        string what = asDensity ? $"mean density {F(modelled, 1)} t C ha-1" : $"total {F(modelled, 0)} Tg C";
        string text;
        if (status == RangeStatus.Within)
        {
            text = $"Modelled {what} in {year} lies within the published range {F(lo, 1)}–{F(hi, 1)} {unit}. {shares}";
        }
        else
        {
            string dir = status == RangeStatus.Above ? "above" : "below";
            double bound = status == RangeStatus.Above ? hi : lo;
            // Gap expressed as a density over the run's area, and as a share of soil C (the largest pool in InVEST tables).
            double gapTHa = asDensity ? modelled - bound : (modelled - bound) * 1e6 / (areaKm2 * 100);
            double soilTHa = OutputUnits.ToTonnesPerHa(row.SoilC);
            string soil = soilTHa > 0
                ? $"closing the gap through soil carbon alone would need soil density {Pct(gapTHa / soilTHa)} {(gapTHa > 0 ? "lower" : "higher")} ({F(soilTHa, 1)} → {F(soilTHa - gapTHa, 1)} t C ha-1)"
                : "soil carbon is zero, so the gap lies in vegetation and litter";
            text = $"Modelled {what} in {year} is {Pct(dev)} {dir} the published {(status == RangeStatus.Above ? "upper" : "lower")} bound " +
                   $"{F(bound, asDensity ? 1 : 0)} {unit}; the gap equals {F(Math.Abs(gapTHa), 1)} t C ha-1 over the run's area. {shares} " +
                   $"The published figures themselves span {Pct((p.High - p.Low) / p.Low)} (their carbon-density tables differ); {soil}.";
        }
        return new RangeCheck(p, modelled, lo, hi, unit, basis, status, dev, text);
    }
}
