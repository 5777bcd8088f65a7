namespace CarbonSim.Contracts;

/// <summary>
/// A block of cells of one run (key: <c>"{runId}/{tileIndex}"</c>, see <see cref="GrainKeys"/>) held in
/// struct-of-arrays form. One call per tile per year.
/// </summary>
[Alias("carbonsim.ITileGrain")]
public interface ITileGrain : IGrainWithStringKey
{
    /// <summary>Loads the cells and sets every column to its equilibrium state. Repeating it with the same setup is a no-op.</summary>
    [Alias("Initialize")]
    Task Initialize(TileSetup setup);

    /// <summary>
    /// Steps every cell through <paramref name="year"/> with the given forcing and returns the partial sums.
    /// Idempotent: a year already completed returns the stored result without stepping again.
    /// Asking for a year beyond the next one fails.
    /// </summary>
    /// <param name="co2">[ppm] Atmospheric CO2 of the year.</param>
    /// <param name="nDeposition">[kgN m-2 a-1] N deposition of the year.</param>
    /// <remarks>A 1,024-cell tile-year is a few tenths of a second of CPU; the timeout allows for a busy machine.
    /// The coordinator retries on timeout, which is safe because the step is idempotent.</remarks>
    [Alias("StepYear"), ResponseTimeout("00:05:00")]
    Task<TileYearResult> StepYear(int year, double co2, double nDeposition);

    /// <summary>
    /// First half of a year of a run with land-use change: runs the kernel year of every cell (held open) and
    /// returns the tile's candidates and class counts, made on the classes at the start of the year. Only
    /// transitions from a class its city is shrinking to one it is growing are offered
    /// (<paramref name="shrinking"/>, <paramref name="growing"/>: <c>[city · K + class]</c>). Idempotent: a year
    /// already offered returns the same offer.
    /// </summary>
    [Alias("OfferYear"), ResponseTimeout("00:05:00")]
    Task<TileLandUseOffer> OfferYear(int year, double co2, double nDeposition, bool[] shrinking, bool[] growing);

    /// <summary>
    /// Second half: applies the year's winners that fall in the tile's window (its cells change class and carry
    /// their carbon; its halo takes the neighbours' changes), closes the carbon books of every cell and returns
    /// the partial sums. Idempotent: a closed year returns the stored result.
    /// </summary>
    [Alias("CloseYear"), ResponseTimeout("00:05:00")]
    Task<TileYearResult> CloseYear(int year, CellCandidate[] winners);

    /// <summary>[a] Last completed year (first year − 1 before any).</summary>
    [Alias("GetLastCompletedYear")]
    Task<int> GetLastCompletedYear();
}
