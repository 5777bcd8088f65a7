using CarbonSim.Model.Management;
using CarbonSim.Model.Parameters;

namespace CarbonSim.Model.Scenarios;

/// <summary>
/// The rotation each city grows under the scenario's <c>management.crop_practices</c> (docs/scenario.md): a city that
/// no rule names keeps the calendar's rotation (vegetation type <c>wheat_maize</c>); a city that rules apply to grows a
/// variant of it named after those rules (<c>wheat_maize@p1+p3</c>, 1-based rule numbers) whose rotation carries
/// their changes (<see cref="CropRotation.Practices"/>, same-year changes merged in file order). The variant's
/// state layout and spin-up are those of any rotation; its practice changes act from their year on.
/// </summary>
public sealed class CropPracticeVariants
{
    readonly Dictionary<(string Rotation, int City), string> _nameOf = [];

    /// <summary>The variants to add as vegetation types: name → parameters (the rotation's with the changes attached), ordinal name order.</summary>
    public IReadOnlyList<(string Name, string Rotation, EcophysParameters Epc)> Variants { get; }

    /// <param name="cityIds">The run's cities (index = city index).</param>
    /// <param name="rotations">Rotation name → its parameters (with <see cref="EcophysParameters.Management"/>).</param>
    public CropPracticeVariants(IReadOnlyList<string> cityIds, IReadOnlyDictionary<string, EcophysParameters> rotations, IReadOnlyList<CropPracticeRule> rules)
    {
        foreach (var r in rules)
            foreach (var id in r.CityIds)
                if (!cityIds.Contains(id))
                    throw new InvalidInputException(r.File, $"{r.Place}, cities", id, $"a city id of the run ({string.Join(", ", cityIds)})");
        var variants = new SortedDictionary<string, (string, EcophysParameters)>(StringComparer.Ordinal);
        for (int city = 0; city < cityIds.Count; city++)
        {
            var applying = rules.Select((r, i) => (r, i)).Where(p => p.r.CityIds.Count == 0 || p.r.CityIds.Contains(cityIds[city])).ToList();
            if (applying.Count == 0) continue;
            string suffix = "@" + string.Join("+", applying.Select(p => $"p{p.i + 1}"));
            var changes = applying.GroupBy(p => p.r.Change.FromYear).OrderBy(g => g.Key)
                .Select(g => g.Select(p => p.r.Change).Aggregate((a, b) => new PracticeChange(a.FromYear,
                    b.ResidueReturn ?? a.ResidueReturn, b.FertiliserFactor ?? a.FertiliserFactor, b.IrrigationFactor ?? a.IrrigationFactor)))
                .ToArray();
            foreach (var (rotation, epc) in rotations)
            {
                string name = rotation + suffix;
                _nameOf[(rotation, city)] = name;
                variants[name] = (rotation, epc with { Management = epc.Management! with { Practices = changes } });
            }
        }
        Variants = variants.Select(p => (p.Key, p.Value.Item1, p.Value.Item2)).ToArray();
    }

    /// <summary>The vegetation type a column of type <paramref name="vegetation"/> uses in city <paramref name="city"/>: its variant there, else itself.</summary>
    public string NameFor(string vegetation, int city) => _nameOf.TryGetValue((vegetation, city), out var n) ? n : vegetation;
}
