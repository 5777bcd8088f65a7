using CarbonSim.Contracts;
using CarbonSim.Model.Engine;
using CarbonSim.Grains.Engine;
using CarbonSim.Model.Tests.Engine;
using CarbonSim.Model.Climate;
using CarbonSim.Model.Parameters;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace CarbonSim.Grains.Tests;

public sealed class EngineUnitTests
{
    [Fact]
    public void A_storage_write_that_timed_out_is_retried_but_a_broken_mass_balance_is_not()
    {
        // What the memory/Redis storage provider throws when its write times out: the timeout wrapped in an OrleansException.
        var storageTimeout = new OrleansException("Error from storage provider MemoryGrainStorage.tile during WriteStateAsync",
            new TimeoutException("Response did not arrive on time"));
        Assert.True(CarbonSim.Grains.Persistence.RecoveryPolicy.IsTransient(storageTimeout));
        Assert.True(CarbonSim.Grains.Persistence.RecoveryPolicy.IsTransient(new AggregateException(storageTimeout)));
        Assert.True(CarbonSim.Grains.Persistence.RecoveryPolicy.IsPermanent(new KernelFailureException("tile 3, year 2030: carbon balance")));
        // an activation cancelled on a loaded machine (TaskCanceledException from ActivateAsync) is retried
        Assert.True(CarbonSim.Grains.Persistence.RecoveryPolicy.IsTransient(new TaskCanceledException("A task was canceled.")));
        Assert.True(CarbonSim.Grains.Persistence.RecoveryPolicy.IsTransient(new OrleansException("activation", new OperationCanceledException())));
        Assert.True(CarbonSim.Grains.Persistence.RecoveryPolicy.IsPermanent(new OrleansException("bad", new ArgumentException("bad spec"))));
    }




    [Fact]
    public void Model_types_cross_grain_boundaries_intact()
    {
        using var services = new ServiceCollection()
            .AddSerializer(b => b.AddAssembly(typeof(TileGrain).Assembly).AddAssembly(typeof(CarbonSim.Contracts.Serialization.FixedSumConverter).Assembly))
            .BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();

        // Set every public property of the parameter records to a distinct non-default value.
        var epc = Distinct(new EcophysParameters());
        var site = Distinct(new SiteParameters());
        var spec = SyntheticRegion.Build() with { VegetationTypes = [new VegetationType { Name = "x", Epc = epc }], Sites = [site] };
        var copy = serializer.Deserialize<RunSpec>(serializer.SerializeToArray(spec))!;
        Assert.Equal(epc, copy.VegetationTypes[0].Epc);
        Assert.Equal(site, copy.Sites[0]);
        Assert.Equal(spec.Climates[1].Tmax, copy.Climates[1].Tmax);
        Assert.Equal(spec.Climates[1].DayLength, copy.Climates[1].DayLength);
        Assert.Equal(spec.Climates[1].Years, copy.Climates[1].Years);
        Assert.Equal(spec.Cells.ColumnFraction, copy.Cells.ColumnFraction);

        // A managed urban-green type carries its practice across (lists compared element by element).
        var practice = new CarbonSim.Model.Management.UrbanGreenPractice("park", "c3grass", 25, 7, 90, 303, 0.8,
            [new CarbonSim.Model.Management.ManagementEvent(99, 50e-4), new CarbonSim.Model.Management.ManagementEvent(257, 50e-4)], 30,
            1.0 / 3, 14, 109, 289, 0.3, 273, 348);
        var back = serializer.Deserialize<EcophysParameters>(serializer.SerializeToArray(epc with { UrbanGreen = practice }))!;
        Assert.Equal(epc, back with { UrbanGreen = null });
        Assert.NotNull(back.UrbanGreen);
        Assert.Equal(practice.Fertiliser, back.UrbanGreen!.Fertiliser);
        Assert.Equal(practice, back.UrbanGreen with { Fertiliser = practice.Fertiliser });

        // A harvested forest type carries its practice across.
        var felling = new CarbonSim.Model.Management.ForestHarvestPractice("forest", "dbf", 0.022, 0.8, 334, 1950);
        var felled = serializer.Deserialize<EcophysParameters>(serializer.SerializeToArray(epc with { ForestHarvest = felling }))!;
        Assert.Equal(felling, felled.ForestHarvest);
        Assert.Equal(epc, felled with { ForestHarvest = null });
    }

    /// <summary>
    /// Every record of CarbonSim.Model.Engine that crosses the wire, with a distinct non-default value in every
    /// property (nested engine records and arrays of them included), survives the Orleans serializer unchanged:
    /// a member added to a record and forgotten in its surrogate (Grains/Serialization/EngineSurrogates.cs) fails here.
    /// </summary>
    [Fact]
    public void Every_engine_record_round_trips_through_its_surrogate()
    {
        using var services = new ServiceCollection()
            .AddSerializer(b => b.AddAssembly(typeof(TileGrain).Assembly).AddAssembly(typeof(CarbonSim.Contracts.Serialization.FixedSumConverter).Assembly))
            .BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();
        var converted = typeof(CarbonSim.Contracts.Serialization.FixedSumConverter).Assembly.GetTypes()
            .SelectMany(t => t.GetInterfaces())
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(Orleans.IConverter<,>))
            .Select(i => i.GetGenericArguments()[0])
            .Where(t => t.Namespace == "CarbonSim.Model.Engine")
            .Distinct().ToArray();
        Assert.True(converted.Length >= 20, $"only {converted.Length} engine records have surrogates");
        var json = new System.Text.Json.JsonSerializerOptions { IncludeFields = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };
        foreach (var type in converted)
        {
            int k = 1;
            object value = Fill(type, ref k, depth: 0);
            var copy = serializer.Deserialize<object>(serializer.SerializeToArray<object>(value));
            Assert.IsType(type, copy);
            Assert.Equal(System.Text.Json.JsonSerializer.Serialize(value, type, json), System.Text.Json.JsonSerializer.Serialize(copy, type, json));
        }
    }

    [Fact]
    public void Engine_records_pass_by_reference_on_local_calls()
    {
        using var services = new ServiceCollection()
            .AddSerializer(b => b.AddAssembly(typeof(TileGrain).Assembly).AddAssembly(typeof(CarbonSim.Contracts.Serialization.FixedSumConverter).Assembly))
            .BuildServiceProvider();
        var spec = SyntheticRegion.Build();
        var setup = new TileSetup { Spec = spec, CellIndices = [0], Combos = [], EquilibriumStates = [] };
        Assert.Same(setup, services.GetRequiredService<Orleans.Serialization.DeepCopier<TileSetup>>().Copy(setup));
        Assert.Same(spec, services.GetRequiredService<Orleans.Serialization.DeepCopier<RunSpec>>().Copy(spec));
    }

    /// <summary>An instance of <paramref name="type"/> with a distinct value in every member (engine records recursively).</summary>
    static object Fill(Type type, ref int k, int depth)
    {
        k++;
        if (type == typeof(int)) return 7 + k;
        if (type == typeof(double)) return 0.1 + k * 1.37;
        if (type == typeof(bool)) return true;
        if (type == typeof(string)) return $"s{k}";
        if (type.IsEnum) { var values = Enum.GetValues(type); return values.GetValue(values.Length - 1)!; } // a non-default member
        if (type == typeof(FixedSum)) return FixedSum.FromKg(k * 1.25);
        if (type.IsArray)
        {
            var element = type.GetElementType()!;
            var array = Array.CreateInstance(element, 2);
            for (int i = 0; i < 2; i++) array.SetValue(Fill(element, ref k, depth + 1), i);
            return array;
        }
        if ((type.Namespace != "CarbonSim.Model.Engine" && type != typeof(CarbonSim.Model.Accounting.CompensationSettings)) || depth > 5)
            return null!;                                                   // other Model records: tested above and in ModelSurrogates
        var ctor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var args = new List<object>();
        foreach (var p in ctor.GetParameters()) args.Add(Fill(p.ParameterType, ref k, depth + 1));
        var value = ctor.Invoke([.. args]);
        if (ctor.GetParameters().Length == 0)
            foreach (var p in type.GetProperties().Where(p => p.CanWrite))
                p.SetValue(value, Fill(p.PropertyType, ref k, depth + 1));
        return value;
    }

    static T Distinct<T>(T value) where T : class
    {
        int k = 1;
        foreach (var p in typeof(T).GetProperties().Where(p => p.CanWrite))
        {
            // A managed crop rotation is a nested record: its wire round trip is tested with the crop tests (Model.Tests Management).
            if (p.PropertyType == typeof(CarbonSim.Model.Management.CropRotation)) continue;
            // So is an urban-green practice: its wire round trip is the explicit case in Model_types_cross_grain_boundaries_intact.
            if (p.PropertyType == typeof(CarbonSim.Model.Management.UrbanGreenPractice)) continue;
            // And a forest-harvest practice (explicit case there too).
            if (p.PropertyType == typeof(CarbonSim.Model.Management.ForestHarvestPractice)) continue;
            object v = p.PropertyType == typeof(double) ? 0.1 + k * 1.37 :
                       p.PropertyType == typeof(int) ? 7 + k :
                       p.PropertyType == typeof(bool) ? (object)true :
                       p.PropertyType == typeof(string) ? $"s{k}" :
                       throw new InvalidOperationException($"add a value for {p.PropertyType} ({p.Name})");
            p.SetValue(value, v);
            k++;
        }
        return value;
    }

    [Fact]
    public void Tile_checkpoint_blob_round_trips_bits()
    {
        var state = new[] { 0.1, -0.0, double.Epsilon, 1e300, Math.PI };
        Assert.Equal(state.Select(BitConverter.DoubleToInt64Bits), TileCheckpoint.Unpack(TileCheckpoint.Pack(state)).Select(BitConverter.DoubleToInt64Bits));
    }
}
