namespace CarbonSim.Model.Region;

/// <summary>
/// A deliberately coarse, hand-drawn sketch of Jing-Jin-Ji physical geography used only by the synthetic
/// land-use generator (docs/data.md, "What is synthetic"). Vertices are lon/lat degrees digitised by eye
/// from general knowledge of the region, good to perhaps 10–20 km; no DEM or survey was used.
/// </summary>
public sealed class JjjGeography
{
    /// <summary>
    /// The North China Plain inside the region: south-west → north-east along the foot of the Taihang and
    /// Yanshan mountains, then closed far out to sea and south of the region. Outside it = mountains/plateau.
    /// </summary>
    public IReadOnlyList<(double Lon, double Lat)> Plain { get; } =
    [
        (113.90, 36.00), (114.25, 36.60), (114.20, 37.20), (114.25, 37.70), (114.30, 38.10), (114.55, 38.55),
        (114.85, 38.90), (115.15, 39.25), (115.60, 39.60), (115.95, 39.85), (116.10, 40.05), (116.20, 40.25),
        (116.45, 40.35), (116.75, 40.40), (117.00, 40.30), (117.30, 40.15), (117.45, 40.05), (117.80, 40.10),
        (118.20, 40.05), (118.50, 39.95), (118.90, 39.95), (119.20, 39.95), (119.50, 40.00), (119.70, 40.10),
        (119.90, 40.20), (121.50, 40.20), (121.50, 35.00), (114.00, 35.00),
    ];

    /// <summary>Bohai Sea coastline of the region, south (Cangzhou) to north-east (Qinhuangdao).</summary>
    public IReadOnlyList<(double Lon, double Lat)> Coast { get; } =
    [
        (117.85, 38.00), (117.70, 38.30), (117.55, 38.60), (117.65, 38.85), (117.75, 39.05), (117.85, 39.15),
        (118.05, 39.20), (118.45, 39.00), (118.75, 39.10), (119.05, 39.20), (119.30, 39.40), (119.50, 39.75),
        (119.60, 39.90), (119.80, 40.00), (120.00, 40.10),
    ];

    /// <summary>Lakes, reservoirs and large wetlands as discs: centre lon/lat [degrees] and radius [km].</summary>
    public IReadOnlyList<(string Name, double Lon, double Lat, double RadiusKm)> WaterBodies { get; } =
    [
        ("Baiyangdian", 115.97, 38.90, 10), ("Miyun reservoir", 116.98, 40.50, 7), ("Guanting reservoir", 115.65, 40.38, 6),
        ("Panjiakou-Daheiting reservoirs", 118.30, 40.35, 4), ("Yuqiao reservoir", 117.55, 40.05, 4), ("Hengshui lake", 115.62, 37.63, 5),
        ("Beidagang wetland", 117.35, 38.75, 7), ("Huangbizhuang-Gangnan reservoirs", 114.05, 38.25, 5), ("Yuecheng reservoir", 114.20, 36.28, 4),
    ];

    /// <summary>True on the Bashang plateau (northern Zhangjiakou; Fengning/Weichang in northern Chengde): steppe and dry farming.</summary>
    public static bool IsBashang(double lon, double lat) => (lon < 116.0 && lat > 41.0) || (lat > 41.85 && lon < 118.0);

    /// <summary>[km] Distance into the mountains: 0 on the plain, else the distance to the plain's edge.</summary>
    public double MountainDepthKm(double lon, double lat) => Contains(Plain, lon, lat) ? 0.0 : DistanceKm(Plain, lon, lat, closed: true);

    /// <summary>[km] Distance to the coastline.</summary>
    public double CoastDistanceKm(double lon, double lat) => DistanceKm(Coast, lon, lat, closed: false);

    /// <summary>True inside one of the <see cref="WaterBodies"/>.</summary>
    public bool InWaterBody(double lon, double lat)
    {
        foreach (var w in WaterBodies)
        {
            var (x, y) = Local(lon, lat, w.Lon, w.Lat);
            if (x * x + y * y <= w.RadiusKm * w.RadiusKm) return true;
        }
        return false;
    }

    /// <summary>[km] Local equirectangular offset of (lon, lat) from a reference point.</summary>
    private static (double X, double Y) Local(double lon, double lat, double lon0, double lat0)
        => ((lon - lon0) * 111.32 * Math.Cos(lat0 * Math.PI / 180), (lat - lat0) * 110.57);

    private static bool Contains(IReadOnlyList<(double Lon, double Lat)> ring, double lon, double lat)
    {
        bool inside = false;
        for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++)
        {
            var (xi, yi) = ring[i]; var (xj, yj) = ring[j];
            if ((yi > lat) != (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi) inside = !inside;
        }
        return inside;
    }

    private static double DistanceKm(IReadOnlyList<(double Lon, double Lat)> line, double lon, double lat, bool closed)
    {
        double best = double.MaxValue;
        int n = line.Count, segs = closed ? n : n - 1;
        for (int i = 0; i < segs; i++)
        {
            var a = Local(line[i].Lon, line[i].Lat, lon, lat);
            var b = Local(line[(i + 1) % n].Lon, line[(i + 1) % n].Lat, lon, lat);
            double dx = b.X - a.X, dy = b.Y - a.Y, len2 = dx * dx + dy * dy;
            double t = len2 > 0 ? Math.Clamp(-(a.X * dx + a.Y * dy) / len2, 0, 1) : 0;
            double px = a.X + t * dx, py = a.Y + t * dy;
            best = Math.Min(best, Math.Sqrt(px * px + py * py));
        }
        return best;
    }
}
