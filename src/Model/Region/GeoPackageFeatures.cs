using System.Globalization;
using CarbonSim.Model.Io.Rasters;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Features;
using NetTopologySuite.IO;

namespace CarbonSim.Model.Region;

/// <summary>
/// City polygons from an OGC GeoPackage (<c>.gpkg</c>, an SQLite database; OGC 12-128r18): the one feature table of
/// <c>gpkg_contents</c>, its geometry column (<c>gpkg_geometry_columns</c>) read with NetTopologySuite.IO.GeoPackage,
/// every other column as an attribute, and the CRS of its <c>srs_id</c> from <c>gpkg_spatial_ref_sys</c> (an EPSG
/// code known to <see cref="RasterCrs"/>, else the definition WKT). Opened read-only.
/// </summary>
public static class GeoPackageFeatures
{
    /// <summary>The features and their CRS (null when the table's srs is undefined: srs_id −1 or 0).</summary>
    public static (IList<IFeature> Features, RasterCrs? Crs) Read(string path)
    {
        try
        {
            using var conn = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            conn.Open();
            var tables = new List<(string Table, string Column, long Srs)>();
            using (var cmd = conn.CreateCommand())
            {
                cmd.CommandText = "SELECT c.table_name, g.column_name, g.srs_id FROM gpkg_contents c JOIN gpkg_geometry_columns g ON g.table_name = c.table_name " +
                                  "WHERE c.data_type = 'features' ORDER BY c.table_name";
                using var r = cmd.ExecuteReader();
                while (r.Read()) tables.Add((r.GetString(0), r.GetString(1), r.GetInt64(2)));
            }
            if (tables.Count != 1)
                throw new InvalidInputException(path, "gpkg_contents", tables.Count == 0 ? "no feature table" : $"{tables.Count} feature tables ({string.Join(", ", tables.Select(t => t.Table))})",
                    "exactly one feature table (the city polygons)");
            var (table, column, srs) = tables[0];
            var crs = Crs(conn, path, srs);

            var features = new List<IFeature>();
            var reader = new GeoPackageGeoReader();
            using (var cmd = conn.CreateCommand())
            {
                cmd.CommandText = $"SELECT * FROM \"{table.Replace("\"", "\"\"")}\"";
                using var r = cmd.ExecuteReader();
                int geomIndex = r.GetOrdinal(column);
                int row = 0;
                while (r.Read())
                {
                    var attrs = new AttributesTable();
                    for (int k = 0; k < r.FieldCount; k++)
                        if (k != geomIndex) attrs.Add(r.GetName(k), r.IsDBNull(k) ? null : r.GetValue(k));
                    NetTopologySuite.Geometries.Geometry? g = null;
                    if (!r.IsDBNull(geomIndex))
                    {
                        try { g = reader.Read((byte[])r.GetValue(geomIndex)); }
                        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or ParseException or IndexOutOfRangeException or InvalidCastException or EndOfStreamException)
                        {
                            throw new InvalidInputException(path, $"{table} row {row + 1}, column {column}", e.Message.Replace('\n', ' '), "a GeoPackage geometry blob (GP header + WKB)", e);
                        }
                    }
                    features.Add(new Feature(g, attrs));
                    row++;
                }
            }
            return (features, crs);
        }
        catch (SqliteException e)
        {
            throw new InvalidInputException(path, "GeoPackage", e.Message.Replace('\n', ' '), "a GeoPackage (SQLite database with gpkg_contents, gpkg_geometry_columns and gpkg_spatial_ref_sys)", e);
        }
    }

    private static RasterCrs? Crs(SqliteConnection conn, string path, long srsId)
    {
        if (srsId is -1 or 0) return null; // the GeoPackage's "undefined cartesian / geographic" systems
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys WHERE srs_id = $id";
        cmd.Parameters.AddWithValue("$id", srsId);
        using var r = cmd.ExecuteReader();
        if (!r.Read()) throw new InvalidInputException(path, "gpkg_spatial_ref_sys", $"srs_id {srsId.ToString(CultureInfo.InvariantCulture)} missing", "the spatial reference system the feature table names");
        string org = r.IsDBNull(0) ? "" : r.GetString(0);
        long code = r.IsDBNull(1) ? 0 : r.GetInt64(1);
        string def = r.IsDBNull(2) ? "" : r.GetString(2);
        string place = $"gpkg_spatial_ref_sys (srs_id {srsId.ToString(CultureInfo.InvariantCulture)})";
        if (org.Equals("EPSG", StringComparison.OrdinalIgnoreCase) && RasterCrs.EpsgWkt((int)code) is not null)
            return RasterCrs.FromEpsg((int)code, path, place, "GeoPackage");
        if (def.Length > 0 && !def.Equals("undefined", StringComparison.OrdinalIgnoreCase))
            return RasterCrs.FromWkt(def, path, "GeoPackage " + place);
        throw new InvalidInputException(path, place, $"{org}:{code.ToString(CultureInfo.InvariantCulture)} without a definition", $"an EPSG code known to CarbonSim ({RasterCrs.KnownEpsg}) or a WKT definition");
    }
}
