namespace CarbonSim.Model.Management;

/// <summary>
/// A change of crop practice from a calendar year on (issue #11 item 3; scenario key <c>management.crop_practices</c>,
/// docs/scenario.md): each field it sets replaces that part of the practice for every crop of the rotation from
/// <paramref name="FromYear"/> on; a field left null keeps the practice in force before. Factors are relative to
/// the crop calendar's amounts (not to an earlier change).
/// </summary>
/// <param name="FromYear">[a] First calendar year of the new practice (the spin-up always uses the calendar's).</param>
/// <param name="ResidueReturn">[-] Share of the straw left on the field (0–1), or null.</param>
/// <param name="FertiliserFactor">[-] Multiplies every fertiliser application of the calendar (≥ 0), or null.</param>
/// <param name="IrrigationFactor">[-] Multiplies every scheduled irrigation amount of the calendar (≥ 0; &lt; 1 = water-saving irrigation), or null.</param>
public sealed record PracticeChange(int FromYear, double? ResidueReturn = null, double? FertiliserFactor = null, double? IrrigationFactor = null)
{
    /// <summary>The practice in force after <paramref name="changes"/> (in year order) on top of the calendar's: residue return, fertiliser and irrigation factors.</summary>
    public static (double? ResidueReturn, double FertiliserFactor, double IrrigationFactor) InForce(IEnumerable<PracticeChange> changes)
    {
        double? residue = null; double fertiliser = 1.0, irrigation = 1.0;
        foreach (var c in changes)
        {
            residue = c.ResidueReturn ?? residue;
            fertiliser = c.FertiliserFactor ?? fertiliser;
            irrigation = c.IrrigationFactor ?? irrigation;
        }
        return (residue, fertiliser, irrigation);
    }

    /// <summary>The rotation's seasons under the practice in force after <paramref name="changes"/> (no practices attached).</summary>
    public static CropRotation Apply(CropRotation rotation, IEnumerable<PracticeChange> changes)
    {
        var (residue, fert, irr) = InForce(changes);
        return new CropRotation(rotation.Name, rotation.Seasons.Select(s => s with
        {
            ResidueReturn = residue ?? s.ResidueReturn,
            Fertiliser = s.Fertiliser.Select(e => e with { Amount = e.Amount * fert }).ToArray(),
            Irrigation = s.Irrigation.Select(e => e with { Amount = e.Amount * irr }).ToArray(),
        }).ToArray());
    }
}
