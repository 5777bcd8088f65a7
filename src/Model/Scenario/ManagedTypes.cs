using System.Collections.Immutable;
using CarbonSim.Model.Parameters;

namespace CarbonSim.Model.Scenarios;

/// <summary>
/// Managed vegetation types <c>{type}@{class}</c>: a practice (urban green, forest harvest) attached to the columns of one
/// land-use class turns each chosen column into its own type, the base type's parameters plus the practice, and the class
/// table's mixes name it. Used by <see cref="UrbanGreenSetup"/> and <see cref="ForestHarvestSetup"/>.
/// </summary>
public static class ManagedTypes
{
    /// <summary>
    /// Renames the columns of the classes in <paramref name="classes"/>: for each column, <paramref name="manage"/>(class,
    /// base spec) returns the managed parameters, or null to leave the column as it is. Returns the vegetation with the new
    /// types added and the class table with the renamed mixes (columns in ordinal order of their type names).
    /// </summary>
    public static (ImmutableSortedDictionary<string, VegetationSpec> Vegetation, LandUseClassTable Classes) Rename(
        ImmutableSortedDictionary<string, VegetationSpec> vegetation, LandUseClassTable table, IReadOnlySet<string> classes,
        Func<string, VegetationSpec, EcophysParameters?> manage)
    {
        var veg = vegetation.ToBuilder();
        SurfaceMix Managed(string cls, SurfaceMix mix)
        {
            var cols = mix.Columns.Select(c =>
            {
                var baseSpec = vegetation[c.VegetationType];
                if (manage(cls, baseSpec) is not { } parameters) return c;
                string name = $"{c.VegetationType}{UrbanGreenSetup.Separator}{cls}";
                veg[name] = new VegetationSpec(name, baseSpec.EpcPath, parameters);
                return c with { VegetationType = name };
            }).OrderBy(c => c.VegetationType, StringComparer.Ordinal).ToImmutableArray();
            return mix with { Columns = cols };
        }
        var renamed = table.Classes.Select(c => classes.Contains(c.Name)
            ? c with
            {
                DefaultMix = Managed(c.Name, c.DefaultMix),
                ZoneMixes = c.ZoneMixes.ToImmutableSortedDictionary(z => z.Key, z => Managed(c.Name, z.Value), StringComparer.Ordinal),
            }
            : c).ToList();   // materialised first: building the mixes adds the managed types
        return (veg.ToImmutable(), table.WithClasses(renamed));
    }
}
