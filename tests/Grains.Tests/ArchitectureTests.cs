using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using CarbonSim.Model.Engine;

namespace CarbonSim.Grains.Tests;

/// <summary>
/// The layering issue #9 set up, checked on the compiled assemblies (their metadata lists every type they use
/// from another assembly, method bodies included):
/// <list type="number">
/// <item>CarbonSim.Model references no Orleans assembly.</item>
/// <item>CarbonSim.Grains and CarbonSim.Contracts use Model types only from CarbonSim.Model.Engine (the engine's years and records), the
/// parameter, climate and accounting records that travel inside them (.Parameters, .Climate, .Accounting) and the
/// Model's exceptions (CarbonSim.Model): never the kernel, processes, land-use, region or scenario code directly,
/// so no carbon arithmetic happens in a grain.</item>
/// <item>CarbonSim.Contracts (what a client links) holds no grain class and does not reference CarbonSim.Grains.</item>
/// </list>
/// </summary>
public sealed class ArchitectureTests
{
    static readonly string[] GrainsMayUse =
        ["CarbonSim.Model.Engine", "CarbonSim.Model.Parameters", "CarbonSim.Model.Climate", "CarbonSim.Model.Accounting", "CarbonSim.Model"];

    [Fact]
    public void The_model_references_no_Orleans_assembly()
    {
        var model = typeof(TileYear).Assembly;
        var orleans = model.GetReferencedAssemblies().Where(a => a.Name!.Contains("Orleans", StringComparison.OrdinalIgnoreCase)).ToArray();
        Assert.Empty(orleans);
        Assert.Contains(typeof(SimulationGrain).Assembly.GetReferencedAssemblies(), a => a.Name == "Orleans.Core.Abstractions");  // the check can fail
    }

    [Fact]
    public void Grains_and_contracts_use_the_model_only_through_its_engine_and_records()
    {
        var grains = ModelTypesUsedBy(typeof(SimulationGrain).Assembly);
        Assert.Contains("CarbonSim.Model.Engine.TileYear", grains);                                              // the check sees real uses
        var contracts = ModelTypesUsedBy(typeof(CarbonSim.Contracts.ITileGrain).Assembly);
        Assert.Contains("CarbonSim.Model.Engine.RunSpec", contracts);
        var outside = grains.Concat(contracts).Where(t => !GrainsMayUse.Contains(t[..t.LastIndexOf('.')])).Distinct().ToArray();
        Assert.True(outside.Length == 0, "Grains use Model types outside the engine: " + string.Join(", ", outside));
    }

    [Fact]
    public void The_contracts_hold_no_grain_code()
    {
        var contracts = typeof(CarbonSim.Contracts.ITileGrain).Assembly;
        Assert.DoesNotContain(contracts.GetReferencedAssemblies(), a => a.Name == "CarbonSim.Grains");
        Assert.DoesNotContain(contracts.GetTypes(), t => typeof(Grain).IsAssignableFrom(t));
    }

    /// <summary>Full names (namespace.outer type) of every CarbonSim.Model type the assembly's metadata references.</summary>
    static SortedSet<string> ModelTypesUsedBy(Assembly assembly)
    {
        using var stream = File.OpenRead(assembly.Location);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        var used = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var handle in md.TypeReferences)
        {
            var t = md.GetTypeReference(handle);
            while (t.ResolutionScope.Kind == HandleKind.TypeReference) t = md.GetTypeReference((TypeReferenceHandle)t.ResolutionScope);
            if (t.ResolutionScope.Kind != HandleKind.AssemblyReference) continue;
            var asm = md.GetAssemblyReference((AssemblyReferenceHandle)t.ResolutionScope);
            if (md.GetString(asm.Name) != "CarbonSim.Model") continue;
            used.Add($"{md.GetString(t.Namespace)}.{md.GetString(t.Name)}");
        }
        return used;
    }
}
