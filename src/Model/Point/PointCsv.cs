using System.Globalization;

namespace CarbonSim.Model.Point;

/// <summary>
/// CSV form of point-run rows. Headers and number formats are those of the BIOME-BGC reference
/// outputs in data/reference/biomebgc/expected (enf_annual.csv, enf_daily.csv, enf_spinup_annual.csv),
/// so files can be compared column by column. Invariant culture, '\n' line ends, no quoting needed.
/// </summary>
public static class PointCsv
{
    /// <summary>Header of <c>&lt;prefix&gt;_annual.csv</c>.</summary>
    public const string AnnualHeader =
        "year,gpp_gC_m2_yr,npp_gC_m2_yr,nep_gC_m2_yr,nee_uptake_positive_gC_m2_yr,mr_gC_m2_yr,gr_gC_m2_yr,hr_gC_m2_yr,fire_gC_m2_yr," +
        "et_mm_yr,evap_mm_yr,trans_mm_yr,outflow_mm_yr,prcp_mm_yr,tavg_degC,co2_ppm,lai_max_m2_m2,leafc_max_gC_m2,leafc_end_gC_m2," +
        "frootc_end_gC_m2,vegc_end_gC_m2,litterc_incl_cwd_end_gC_m2,cwdc_end_gC_m2,soilc_end_gC_m2,totalc_end_gC_m2,sminn_end_gN_m2," +
        "soilw_mean_mm,vwc_mean";

    /// <summary>Header of <c>&lt;prefix&gt;_daily.csv</c>.</summary>
    public const string DailyHeader =
        "year,yday,gpp_gC_m2_d,npp_gC_m2_d,nep_gC_m2_d,et_mm_d,lai_proj_m2_m2,soilw_mm,soil_vwc_m3_m3,leafc_gC_m2,soilc_gC_m2";

    /// <summary>Header of <c>&lt;prefix&gt;_spinup_annual.csv</c>.</summary>
    public const string SpinupHeader =
        "spinup_year,lai_max_m2_m2,leafc_end_gC_m2,vegc_end_gC_m2,litterc_incl_cwd_end_gC_m2,soilc_end_gC_m2,totalc_end_gC_m2,sminn_end_gN_m2";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void WriteAnnual(IEnumerable<AnnualRow> rows, TextWriter w)
    {
        w.Write(AnnualHeader); w.Write('\n');
        foreach (var r in rows)
        {
            w.Write(r.Year.ToString(Inv));
            foreach (double v in new[] { r.Gpp, r.Npp, r.Nep, r.NeeUptakePositive, r.Mr, r.Gr, r.Hr, r.Fire,
                         r.Et, r.Evap, r.Trans, r.Outflow, r.Prcp, r.TavgMean, r.Co2Mean })
                F(w, v, "F3");
            F(w, r.LaiMax, "F4");
            foreach (double v in new[] { r.LeafCMax, r.LeafCEnd, r.FrootCEnd, r.VegCEnd, r.LitterCInclCwdEnd, r.CwdCEnd,
                         r.SoilCEnd, r.TotalCEnd, r.SoilMineralNEnd, r.SoilWaterMean })
                F(w, v, "F3");
            F(w, r.VwcMean, "F4");
            w.Write('\n');
        }
    }

    public static void WriteDaily(IEnumerable<DailyRow> rows, TextWriter w)
    {
        w.Write(DailyHeader); w.Write('\n');
        foreach (var r in rows)
        {
            w.Write(r.Year.ToString(Inv)); w.Write(','); w.Write(r.YearDay.ToString(Inv));
            F(w, r.Gpp, "F4"); F(w, r.Npp, "F4"); F(w, r.Nep, "F4"); F(w, r.Et, "F4"); F(w, r.ProjLai, "F4");
            F(w, r.SoilWater, "F2"); F(w, r.Vwc, "F4"); F(w, r.LeafC, "F3"); F(w, r.SoilC, "F2");
            w.Write('\n');
        }
    }

    public static void WriteSpinup(IEnumerable<SpinupRow> rows, TextWriter w)
    {
        w.Write(SpinupHeader); w.Write('\n');
        foreach (var r in rows)
        {
            w.Write(r.SpinupYear.ToString(Inv));
            F(w, r.LaiMax, "F4");
            F(w, r.LeafCEnd, "F3"); F(w, r.VegCEnd, "F3"); F(w, r.LitterCInclCwdEnd, "F3");
            F(w, r.SoilCEnd, "F3"); F(w, r.TotalCEnd, "F3"); F(w, r.SoilMineralNEnd, "F3");
            w.Write('\n');
        }
    }

    private static void F(TextWriter w, double v, string format)
    {
        w.Write(',');
        w.Write(v.ToString(format, Inv));
    }
}
