using CarbonSim.Model.Management;
using YamlDotNet.RepresentationModel;

namespace CarbonSim.Model.Scenarios;

public static partial class ScenarioLoader
{
    /// <summary>
    /// <c>management.crop_practices</c> (docs/scenario.md): a list of changes of crop practice, each
    /// <c>{from_year, cities?, residue_return?, fertiliser_factor?, irrigation_factor?}</c> with at least one of the
    /// last three; unknown keys and values out of range are rejected with the key and its line. City ids are checked
    /// against the region when the run spec is built (<c>CropPracticeVariants</c>).
    /// </summary>
    private static IReadOnlyList<CropPracticeRule> ReadCropPractices(YamlMap m)
    {
        var seq = m.OptionalSequence("crop_practices");
        if (seq is null) return [];
        var rules = new List<CropPracticeRule>();
        int i = 0;
        foreach (var n in seq)
        {
            string path = $"{m.KeyPath("crop_practices")}[{i++}]";
            if (n is not YamlMappingNode node)
                throw new InvalidInputException(m.File, YamlMap.Place(path, n), YamlMap.Describe(n), "a mapping {from_year, cities, residue_return, fertiliser_factor, irrigation_factor}");
            var r = new YamlMap(m.File, path, node);
            int from = (int)r.Integer("from_year", null, 1000, 3000, "the first calendar year of the new practice (1000-3000)");
            double? residue = r.Has("residue_return") ? r.Number("residue_return", null, 0, 1, "a share of the straw left on the field, 0-1") : null;
            double? fert = r.Has("fertiliser_factor") ? r.Number("fertiliser_factor", null, 0, 10, "a factor on the calendar's fertiliser amounts, 0-10") : null;
            double? irr = r.Has("irrigation_factor") ? r.Number("irrigation_factor", null, 0, 10, "a factor on the calendar's irrigation amounts, 0-10") : null;
            var cities = new List<string>();
            if (r.OptionalSequence("cities") is { } cs)
                foreach (var c in cs)
                {
                    var id = c is YamlScalarNode s ? s.Value ?? "" : "";
                    if (id.Length == 0 || cities.Contains(id))
                        throw new InvalidInputException(m.File, YamlMap.Place(r.KeyPath("cities"), c), YamlMap.Describe(c), "city ids (GB/T 2260 codes), each once");
                    cities.Add(id);
                }
            r.RejectUnknownKeys();
            if (residue is null && fert is null && irr is null)
                throw new InvalidInputException(m.File, YamlMap.Place(path, n), "no change", "at least one of residue_return, fertiliser_factor, irrigation_factor");
            rules.Add(new CropPracticeRule(new PracticeChange(from, residue, fert, irr), cities, m.File, YamlMap.Place(path, n)));
        }
        return rules;
    }
}
