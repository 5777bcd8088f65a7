using CarbonSim.Model.LandUse;

namespace CarbonSim.Model.Tests.LandUse;

/// <summary>Repository paths and small synthetic landscapes for the land-use tests.</summary>
internal static class LandUseTestData
{
    public static string RepoRoot
    {
        get
        {
            var d = new DirectoryInfo(AppContext.BaseDirectory);
            while (d != null && !File.Exists(Path.Combine(d.FullName, "CarbonSim.sln"))) d = d.Parent;
            return d?.FullName ?? throw new InvalidOperationException("CarbonSim.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string DataPath(params string[] parts) => Path.Combine(new[] { RepoRoot, "data" }.Concat(parts).ToArray());

    public static readonly string[] Classes = { "cropland", "forest", "grassland", "water", "builtup" };
    public const int Crop = 0, Forest = 1, Grass = 2, Water = 3, Built = 4;

    /// <summary>Rules for the 5-class test landscape: built-up likes closeness to the centre and to built-up land.</summary>
    public static LandUseRules Rules(int window = 5, int radius = 4)
    {
        var allowed = new bool[5, 5];
        for (int a = 0; a < 5; a++) for (int b = 0; b < 5; b++) allowed[a, b] = a != b && a != Water && b != Water;
        allowed[Built, Crop] = allowed[Built, Forest] = allowed[Built, Grass] = false; // built-up is permanent
        return new LandUseRules(Classes, Built, window, radius,
            new[]
            {
                new SuitabilityCoefficients(0.5, -0.01, 0.0, -0.002, -0.05),
                new SuitabilityCoefficients(-1.0, 0.02, 0.05, 0.003, 0.08),
                new SuitabilityCoefficients(-0.5, 0.01, 0.02, 0.001, 0.03),
                new SuitabilityCoefficients(-3.0, 0, 0, 0, 0),
                new SuitabilityCoefficients(1.0, -0.08, -0.6, -0.004, -0.1),
            },
            new[] { 0.6, 0.4, 0.3, 0.0, 1.0 }, 0.05, new[] { 0.2, 0.5, 0.3, 1.0, 1.0 }, allowed).Validate("test rules");
    }

    /// <summary>A seeded random landscape with blobs of classes, two cities split by a diagonal line.</summary>
    public static (LandUseMap Map, int[] City, bool[] Protected, double[] Km, double[] Elev, double[] Slope) Landscape(int w, int h, int seed)
    {
        var rnd = new Random(seed);
        var cls = new int[w * h];
        for (int i = 0; i < cls.Length; i++) cls[i] = rnd.Next(4) switch { 0 => Crop, 1 => Forest, 2 => Grass, _ => Crop };
        // a few built-up nuclei and a lake
        for (int n = 0; n < 6; n++)
        {
            int cx = rnd.Next(w), cy = rnd.Next(h), r = 1 + rnd.Next(3);
            for (int y = Math.Max(0, cy - r); y < Math.Min(h, cy + r + 1); y++)
                for (int x = Math.Max(0, cx - r); x < Math.Min(w, cx + r + 1); x++) cls[y * w + x] = Built;
        }
        for (int y = h / 2; y < Math.Min(h, h / 2 + 3); y++) for (int x = 2; x < Math.Min(w, 7); x++) cls[y * w + x] = Water;
        var city = new int[w * h]; var prot = new bool[w * h];
        var km = new double[w * h]; var elev = new double[w * h]; var slope = new double[w * h];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                int i = y * w + x;
                city[i] = x + y < (w + h) / 2 ? 110000 : 120000;
                prot[i] = (x * 7 + y * 13) % 17 == 0;
                km[i] = Math.Sqrt((x - w / 3.0) * (x - w / 3.0) + (y - h / 3.0) * (y - h / 3.0)) * 1.0;
                elev[i] = 20 + 8.0 * y + 3 * Math.Sin(x);
                slope[i] = Math.Abs(Math.Cos(0.3 * x + 0.2 * y)) * 10;
            }
        return (new LandUseMap(w, h, cls), city, prot, km, elev, slope);
    }

    /// <summary>Cuts the per-cell arrays of a tile out of whole-map arrays.</summary>
    public static T[] Local<T>(T[] global, TileWindow t)
    {
        var a = new T[t.LocalCount];
        for (int y = 0; y < t.Height; y++) for (int x = 0; x < t.Width; x++) a[y * t.Width + x] = global[t.GlobalId(x, y)];
        return a;
    }
}
