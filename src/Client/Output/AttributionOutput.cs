using System.Globalization;
using System.Net;
using System.Text;
using CarbonSim.Model.Engine;
using CarbonSim.Model.Output;

namespace CarbonSim.Client.Output;

/// <summary>
/// <c>attribution.csv</c> (per city and year, then the region: the full run's NBP, each factor's contribution, the
/// all-held member and the interaction residual, in g C m-2 a-1 of the city's area) and the report's "Sink attribution"
/// section. Written only when the run has <see cref="RunResults.Attribution"/> (<c>run --attribution</c>).
/// </summary>
public static class AttributionOutput
{
    public const string FileName = "attribution.csv";
    /// <summary>The <c>city_id</c> of the region's rows.</summary>
    public const string RegionId = "region";
    /// <summary>[-] Largest |Σ residual / Σ sink| of a city over the run that counts as closed (issue #10: 5 %).</summary>
    public const double ClosureTolerance = 0.05;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The header: identifiers, area, then every quantity in g C m-2 a-1 (factor columns in <see cref="Attribution.Factors"/> order).</summary>
    public static IReadOnlyList<string> Header(AttributionTable t) =>
        ["city_id", "city_name", "year", "area_km2", "sink_full_gC_m2_yr", .. t.Factors.Select(f => f.Name + "_gC_m2_yr"), "all_held_gC_m2_yr", "residual_gC_m2_yr"];

    /// <summary>Writes the file into <paramref name="dir"/>; returns its name (none when the run has no attribution).</summary>
    public static IReadOnlyList<string> Write(RunResults r, string dir)
    {
        if (r.Attribution is not { } t) return [];
        var rows = new List<IReadOnlyList<string>>();
        void Add(string id, string name, AttributionYear y) => rows.Add(
            [id, name, y.Year.ToString(Inv), Csv.Num(y.AreaM2 / 1e6), Csv.Num(G(y.Full, y)), .. y.Contributions.Select(c => Csv.Num(G(c, y))),
             Csv.Num(G(y.AllHeld, y)), Csv.Num(G(y.Residual, y))]);
        foreach (var y in t.Cities) Add(r.Cities[y.CityIndex].Id, r.Cities[y.CityIndex].Name, y);
        foreach (var y in t.Region) Add(RegionId, "Region", y);
        Csv.Write(Path.Combine(dir, FileName), Header(t), rows);
        return [FileName];
    }

    /// <summary>[gC m-2 a-1] An exact total [kgC a-1] over the row's area.</summary>
    static double G(FixedSum kg, AttributionYear y) => y.AreaM2 > 0 ? kg.ToKg() * 1000 / y.AreaM2 : double.NaN;

    /// <summary>The report section (empty without attribution): method, closure per city, decade means per city and region.</summary>
    public static string HtmlSection(RunResults r)
    {
        if (r.Attribution is not { } t || t.Region.Length == 0) return "";
        static string H(string s) => WebUtility.HtmlEncode(s);
        static string N(double v, int d) => double.IsFinite(v) ? v.ToString("F" + d, Inv) : "–";
        var sb = new StringBuilder();
        sb.Append("<h2>Sink attribution</h2>\n");
        sb.Append("<p>The sink (NBP, g C m⁻² a⁻¹ of the city's area) split into its drivers by factorial runs of the engine. " +
                  (t.Method == AttributionMethod.Shapley
                    ? "Shapley: a member for every subset of the varied factors held at its reference; a factor's contribution is its Shapley value " +
                      "(its effect averaged over every order of switching the factors on), so the interactions are shared out and the residual is rounding only. "
                    : "One at a time: each member is this run with one factor held at its reference; contribution = full − member; " +
                      "residual = full − Σ contributions − all held (the interactions between the factors). ") +
                  "<i>all held</i> is the member with every varied factor held (the drift the spin-up leaves; 0 at equilibrium). " +
                  $"All years: <a href=\"{FileName}\">{FileName}</a>; method: <code>docs/model.md</code>.</p>\n<ul>\n");
        for (int i = 0; i < t.Factors.Count; i++)
            sb.Append($"<li><b>{H(t.Factors[i].Name)}</b>: {(t.Varied[i] ? "held at " + H(t.Factors[i].Reference) : "0 — " + H(t.Factors[i].NotVaried))}</li>\n");
        sb.Append("</ul>\n");

        var cities = Enumerable.Range(0, r.Cities.Count).Select(c => (Name: r.Cities[c].Name, Index: c)).Append((Name: "Region", Index: -1)).ToList();
        var worst = cities.Select(c => (c.Name, Share: AttributionTable.ResidualShare(t.SeriesOf(c.Index)))).MaxBy(c => double.IsFinite(c.Share) ? Math.Abs(c.Share) : -1);
        bool closed = cities.All(c => AttributionTable.ResidualShare(t.SeriesOf(c.Index)) is var s && double.IsFinite(s) && Math.Abs(s) <= ClosureTolerance);
        sb.Append($"<p>Closure over {r.FirstYear}–{r.LastYear}: largest |Σ residual| / |Σ sink| {N(100 * Math.Abs(worst.Share), 2)} % ({H(worst.Name)}); " +
                  $"{(closed ? "every city within" : "not every city within")} {N(100 * ClosureTolerance, 0)} %.</p>\n");

        sb.Append("<table><tr><th>City</th><th>Years</th><th>Sink [g C m⁻² a⁻¹]</th>");
        foreach (var f in t.Factors) sb.Append($"<th>{H(f.Name)}</th>");
        sb.Append("<th>all held</th><th>residual</th><th>residual [% of sink]</th></tr>\n");
        foreach (var (name, index) in cities)
        {
            bool bold = index < 0;
            foreach (var decade in t.SeriesOf(index).GroupBy(y => y.Year / 10 * 10))
            {
                var ys = decade.ToList();
                double Mean(Func<AttributionYear, FixedSum> pick) => ys.Average(y => G(pick(y), y));
                string td(string v) => bold ? $"<td class=\"n\"><b>{v}</b></td>" : $"<td class=\"n\">{v}</td>";
                sb.Append($"<tr><td>{(bold ? "<b>" + H(name) + "</b>" : H(name))}</td><td>{(ys.Count == 1 ? $"{ys[0].Year}" : $"{ys[0].Year}–{ys[^1].Year}")}</td>").Append(td(N(Mean(y => y.Full), 1)));
                for (int i = 0; i < t.Factors.Count; i++) sb.Append(td(N(Mean(y => y.Contributions[i]), 1)));
                sb.Append(td(N(Mean(y => y.AllHeld), 1))).Append(td(N(Mean(y => y.Residual), 1)))
                  .Append(td(N(100 * AttributionTable.ResidualShare(ys), 1))).Append("</tr>\n");
            }
        }
        sb.Append("</table>\n");
        return sb.ToString();
    }
}
