using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CarbonSim.Model.Climate;
using CarbonSim.Model.Kernel;
using CarbonSim.Model.Parameters;
using CarbonSim.Model.Region;

namespace CarbonSim.Model.Engine;

/// <summary>
/// One column model per distinct (vegetation, site, climate) content, shared by every tile and spin-up that asks
/// for it (issue #9): a <see cref="CellModel"/> is immutable once built (precomputed met, phenology and soil terms;
/// a year's scratch lives on the stack of <c>RunYear</c>, the state is the caller's), so concurrently running tiles
/// can share it, and memory follows the distinct combinations instead of tiles × combinations. One instance per
/// silo (a singleton service; no static state). Models are held weakly: once no tile uses one (its run is over) it
/// can be collected, and a later request builds it again.
/// </summary>
public sealed class SharedColumnModels(ICarbonKernel inner) : ICarbonKernel
{
    readonly Dictionary<string, WeakReference<IColumnModel>> _models = [];
    readonly Lock _gate = new();
    int _built;

    /// <summary>[-] Models built so far (a model asked for again while alive is not rebuilt).</summary>
    public int Built { get { lock (_gate) return _built; } }

    public IColumnModel CreateModel(EcophysParameters epc, SiteParameters site, MetSeries met)
    {
        string key = ContentKey(epc, site, met);
        lock (_gate)
        {
            if (_models.TryGetValue(key, out var weak) && weak.TryGetTarget(out var shared)) return shared;
            var model = inner.CreateModel(epc, site, met);
            _built++;
            if (_models.Count >= 64 && _built % 64 == 0)
                foreach (var dead in _models.Where(p => !p.Value.TryGetTarget(out _)).Select(p => p.Key).ToArray()) _models.Remove(dead);
            _models[key] = new WeakReference<IColumnModel>(model);
            return model;
        }
    }

    /// <summary>
    /// SHA-256 over every property of the .epc and site records (JSON: doubles round-trip exactly) and the met
    /// series' content hash (<see cref="SpinupKeys.Compute"/> with the spin-up terms fixed at zero).
    /// </summary>
    public static string ContentKey(EcophysParameters epc, SiteParameters site, MetSeries met)
    {
        using var h = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        h.AppendData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(epc)));
        h.AppendData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(site)));
        h.AppendData(Encoding.UTF8.GetBytes(SpinupKeys.Compute(epc, site, met, 0, 0, false, 0, 0)));
        return Convert.ToHexStringLower(h.GetHashAndReset());
    }

    public CellState StateOf(double[] states, int offset) => inner.StateOf(states, offset);

    public void ReadState(double[] states, int offset, CellState into) => inner.ReadState(states, offset, into);

    public void Store(CellState state, double[] states, int offset) => inner.Store(state, states, offset);
}
