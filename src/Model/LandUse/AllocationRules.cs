namespace CarbonSim.Model.LandUse;

/// <summary>
/// Logistic suitability coefficients of one target class (scenario input):
/// S = 1 / (1 + exp(−(b0 + b1·dCentre + b2·dBuilt + b3·elevation + b4·slope))).
/// The form follows the binary-logistic suitability of CLUE-S / FLUS (Verburg et al. 2002; Liu et al. 2017).
/// </summary>
/// <param name="Intercept">[-] b0.</param>
/// <param name="PerKmToCentre">[km-1] b1, times the distance to the city centre in km.</param>
/// <param name="PerCellToBuiltUp">[cell-1] b2, times the distance to the nearest built-up cell in cells (capped, see <see cref="LandUseRules.BuiltUpSearchRadius"/>).</param>
/// <param name="PerMetreElevation">[m-1] b3, times elevation in m.</param>
/// <param name="PerDegreeSlope">[deg-1] b4, times slope in degrees.</param>
public sealed record SuitabilityCoefficients(double Intercept, double PerKmToCentre, double PerCellToBuiltUp,
    double PerMetreElevation, double PerDegreeSlope)
{
    /// <summary>[0–1] Logistic suitability for the given drivers.</summary>
    public double Evaluate(double kmToCentre, double cellsToBuiltUp, double elevationM, double slopeDeg)
    {
        double z = Intercept + PerKmToCentre * kmToCentre + PerCellToBuiltUp * cellsToBuiltUp
                   + PerMetreElevation * elevationM + PerDegreeSlope * slopeDeg;
        return 1.0 / (1.0 + Math.Exp(-z));
    }
}

/// <summary>
/// The allocation rules of a scenario (all per class index 0..K−1). Transition potential of a cell
/// currently in class j towards class k ≠ j:
/// TP = S_k · (Ω0 + w_k · share_k) · (1 − ε_j), allowed only if <see cref="Allowed"/>[j,k] and the cell
/// is not protected, where S_k is the logistic suitability, share_k the share of class k among the
/// N×N − 1 neighbours in the map (cells outside the map do not count), w_k the class weight, Ω0 a
/// floor that lets a class seed away from existing patches, and ε_j ∈ [0, 1] the conversion
/// elasticity (inertia) of the current class (CLUE-S ELAS; 1 = never converts).
/// </summary>
public sealed record LandUseRules(
    string[] ClassNames,
    int BuiltUpClass,
    int WindowSize,
    int BuiltUpSearchRadius,
    SuitabilityCoefficients[] Suitability,
    double[] NeighbourhoodWeight,
    double NeighbourhoodFloor,
    double[] Elasticity,
    bool[,] Allowed)
{
    public int ClassCount => ClassNames.Length;

    /// <summary>[cells] Halo a tile needs: max((N−1)/2, built-up search radius).</summary>
    public int Halo => Math.Max((WindowSize - 1) / 2, BuiltUpSearchRadius);

    public int ClassIndex(string name, string source, string place)
    {
        int i = Array.IndexOf(ClassNames, name);
        if (i < 0) throw new InvalidInputException(source, place, name, $"one of the land-use classes [{string.Join(", ", ClassNames)}]");
        return i;
    }

    /// <summary>Checks sizes and ranges; throws <see cref="InvalidInputException"/> naming the first problem.</summary>
    public LandUseRules Validate(string source = "scenario")
    {
        int k = ClassCount;
        if (k == 0) throw new InvalidInputException(source, "landuse.classes", "[]", "at least one class");
        if (WindowSize < 1 || WindowSize % 2 == 0)
            throw new InvalidInputException(source, "landuse.window", WindowSize.ToString(), "an odd window size N >= 1 (3, 5, 7)");
        if (BuiltUpSearchRadius < 0)
            throw new InvalidInputException(source, "landuse.builtUpSearchRadius", BuiltUpSearchRadius.ToString(), "a radius >= 0 cells");
        if (BuiltUpClass < 0 || BuiltUpClass >= k)
            throw new InvalidInputException(source, "landuse.builtUpClass", BuiltUpClass.ToString(), $"a class index 0..{k - 1}");
        if (Suitability.Length != k) throw new InvalidInputException(source, "landuse.suitability", $"{Suitability.Length} entries", $"{k} (one per class)");
        if (NeighbourhoodWeight.Length != k) throw new InvalidInputException(source, "landuse.neighbourhoodWeight", $"{NeighbourhoodWeight.Length} entries", $"{k} (one per class)");
        if (Elasticity.Length != k) throw new InvalidInputException(source, "landuse.elasticity", $"{Elasticity.Length} entries", $"{k} (one per class)");
        if (Allowed.GetLength(0) != k || Allowed.GetLength(1) != k)
            throw new InvalidInputException(source, "landuse.conversion", $"{Allowed.GetLength(0)}x{Allowed.GetLength(1)}", $"a {k}x{k} matrix");
        if (!(NeighbourhoodFloor >= 0) || double.IsInfinity(NeighbourhoodFloor))
            throw new InvalidInputException(source, "landuse.neighbourhoodFloor", NeighbourhoodFloor.ToString("R"), "a finite value >= 0");
        for (int c = 0; c < k; c++)
        {
            var w = NeighbourhoodWeight[c];
            if (!(w >= 0) || double.IsInfinity(w))
                throw new InvalidInputException(source, $"landuse.neighbourhoodWeight[{ClassNames[c]}]", w.ToString("R"), "a finite weight >= 0");
            var e = Elasticity[c];
            if (!(e >= 0 && e <= 1))
                throw new InvalidInputException(source, $"landuse.elasticity[{ClassNames[c]}]", e.ToString("R"), "an elasticity in [0, 1]");
            var s = Suitability[c];
            foreach (var (name, v) in new[] { ("intercept", s.Intercept), ("perKmToCentre", s.PerKmToCentre),
                         ("perCellToBuiltUp", s.PerCellToBuiltUp), ("perMetreElevation", s.PerMetreElevation), ("perDegreeSlope", s.PerDegreeSlope) })
                if (!double.IsFinite(v))
                    throw new InvalidInputException(source, $"landuse.suitability[{ClassNames[c]}].{name}", v.ToString("R"), "a finite coefficient");
        }
        return this;
    }
}

/// <summary>
/// The per-cell inputs a tile holds for allocation, local row-major over the tile's own cells
/// (length = <see cref="TileWindow.LocalCount"/>).
/// </summary>
/// <param name="Window">The tile's classes with halo.</param>
/// <param name="CityOfCell">City id of each cell.</param>
/// <param name="Protected">Restriction mask: true = the cell may not change (protected area, water body).</param>
/// <param name="KmToCentre">[km] Distance to the city centre.</param>
/// <param name="ElevationM">[m] Elevation.</param>
/// <param name="SlopeDeg">[deg] Slope.</param>
public sealed record TileCells(TileWindow Window, int[] CityOfCell, bool[] Protected, double[] KmToCentre,
    double[] ElevationM, double[] SlopeDeg)
{
    public void Validate(string source = "tile")
    {
        int n = Window.LocalCount;
        foreach (var (name, len) in new[] { ("cityOfCell", CityOfCell.Length), ("protected", Protected.Length),
                     ("kmToCentre", KmToCentre.Length), ("elevation", ElevationM.Length), ("slope", SlopeDeg.Length) })
            if (len != n) throw new InvalidInputException(source, $"tile ({Window.X0},{Window.Y0}) {name}", $"{len} values", $"{n} (one per cell)");
    }
}
