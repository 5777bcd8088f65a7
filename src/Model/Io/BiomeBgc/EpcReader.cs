using System.Globalization;
using CarbonSim.Model.Parameters;

namespace CarbonSim.Model.Io.BiomeBgc;

/// <summary>
/// Reads a BIOME-BGC ecophysiological constants file (<c>.epc</c>): 44 positional lines, the first
/// token of each line is the value and the rest a comment (science notes §1.3). The first line's
/// first token must be <c>ECOPHYS</c>; its remainder becomes <see cref="EcophysParameters.Title"/>.
/// Values are validated (flags 0/1, litter fractions summing to 1, positive SLA and C:N, ordered
/// water-potential and VPD limits); a violation throws <see cref="InvalidInputException"/> naming
/// file, line, value and expectation.
/// </summary>
public static class EpcReader
{
    /// <summary>Number of positional lines in an .epc file.</summary>
    public const int LineCount = 44;

    /// <summary>[-] Tolerance on "fractions sum to 1".</summary>
    public const double FractionSumTolerance = 1e-6;

    /// <summary>Reads an .epc file from disk.</summary>
    public static EcophysParameters Read(string path)
    {
        if (!File.Exists(path))
            throw new InvalidInputException(path, "file", path, "an existing .epc file");
        using var reader = new StreamReader(path);
        return Parse(reader, path);
    }

    /// <summary>Parses .epc content; <paramref name="fileName"/> is used in error messages.</summary>
    public static EcophysParameters Parse(TextReader reader, string fileName)
    {
        var lines = new List<string>();
        string? l;
        while ((l = reader.ReadLine()) is not null && lines.Count < LineCount) lines.Add(l);
        if (lines.Count < LineCount)
            throw new InvalidInputException(fileName, $"line {lines.Count + 1}", "end of file", $"{LineCount} positional lines");

        string first = lines[0].TrimStart();
        string keyword = FirstToken(first);
        if (keyword != "ECOPHYS")
            throw new InvalidInputException(fileName, "line 1", keyword, "the keyword ECOPHYS");
        string title = first.Length > keyword.Length ? first[keyword.Length..].Trim() : "";

        var p = new Parser(fileName, lines);
        var e = new EcophysParameters
        {
            Title = title,
            Woody = p.Flag(2, "woody flag"),
            Evergreen = p.Flag(3, "evergreen flag"),
            C3 = p.Flag(4, "C3 photosynthesis flag"),
            ModelPhenology = p.Flag(5, "model phenology flag"),
            OnsetYearDay = p.Int(6, "onset yearday", -1, 364),
            OffsetYearDay = p.Int(7, "offset yearday", -1, 364),
            TransferFraction = p.Num(8, "transfer growth period fraction", 0, 1),
            LitterfallFraction = p.Num(9, "litterfall period fraction", 0, 1),
            LeafFineRootTurnover = p.Num(10, "leaf and fine root turnover [a-1]", 0, 1),
            LiveWoodTurnover = p.Num(11, "live wood turnover [a-1]", 0, 1),
            WholePlantMortality = p.Num(12, "whole-plant mortality [a-1]", 0, 1),
            FireMortality = p.Num(13, "fire mortality [a-1]", 0, 1),
            AllocFrootLeaf = p.Num(14, "new fine root C : new leaf C", 0, double.MaxValue),
            AllocStemLeaf = p.Num(15, "new stem C : new leaf C", 0, double.MaxValue),
            AllocLiveTotalWood = p.Num(16, "new live wood C : new total wood C", 0, 1),
            AllocCrootStem = p.Num(17, "new coarse root C : new stem C", 0, double.MaxValue),
            AllocCurrentGrowth = p.Num(18, "current growth proportion", 0, 1),
            LeafCn = p.Positive(19, "leaf C:N [kgC kgN-1]"),
            LeafLitterCn = p.Positive(20, "leaf litter C:N [kgC kgN-1]"),
            FrootCn = p.Positive(21, "fine root C:N [kgC kgN-1]"),
            LiveWoodCn = p.Num(22, "live wood C:N [kgC kgN-1]", 0, double.MaxValue),
            DeadWoodCn = p.Num(23, "dead wood C:N [kgC kgN-1]", 0, double.MaxValue),
            LeafLitterLabile = p.Num(24, "leaf litter labile proportion", 0, 1),
            LeafLitterCellulose = p.Num(25, "leaf litter cellulose proportion", 0, 1),
            LeafLitterLignin = p.Num(26, "leaf litter lignin proportion", 0, 1),
            FrootLabile = p.Num(27, "fine root labile proportion", 0, 1),
            FrootCellulose = p.Num(28, "fine root cellulose proportion", 0, 1),
            FrootLignin = p.Num(29, "fine root lignin proportion", 0, 1),
            DeadWoodCellulose = p.Num(30, "dead wood cellulose proportion", 0, 1),
            DeadWoodLignin = p.Num(31, "dead wood lignin proportion", 0, 1),
            InterceptionCoefficient = p.Num(32, "canopy interception coefficient [LAI-1 d-1]", 0, 1),
            LightExtinction = p.Positive(33, "light extinction coefficient"),
            LaiRatio = p.Positive(34, "all-sided to projected LAI ratio"),
            SpecificLeafArea = p.Positive(35, "specific leaf area [m2 kgC-1]"),
            ShadedSunlitSlaRatio = p.Positive(36, "shaded:sunlit SLA ratio"),
            LeafNInRubisco = p.Num(37, "fraction of leaf N in Rubisco", 0, 1),
            MaxStomatalConductance = p.Positive(38, "maximum stomatal conductance [m s-1]"),
            CuticularConductance = p.Num(39, "cuticular conductance [m s-1]", 0, double.MaxValue),
            BoundaryLayerConductance = p.Positive(40, "boundary layer conductance [m s-1]"),
            PsiOpen = p.Num(41, "leaf water potential at start of conductance reduction [MPa]", double.MinValue, 0),
            PsiClose = p.Num(42, "leaf water potential at complete conductance reduction [MPa]", double.MinValue, 0),
            VpdOpen = p.Num(43, "VPD at start of conductance reduction [Pa]", 0, double.MaxValue),
            VpdClose = p.Num(44, "VPD at complete conductance reduction [Pa]", 0, double.MaxValue),
        };
        Validate(e, fileName);
        return e;
    }

    private static void Validate(EcophysParameters e, string file)
    {
        CheckSum(file, 24, "leaf litter labile + cellulose + lignin", e.LeafLitterLabile, e.LeafLitterCellulose, e.LeafLitterLignin);
        CheckSum(file, 27, "fine root labile + cellulose + lignin", e.FrootLabile, e.FrootCellulose, e.FrootLignin);
        CheckSum(file, 30, "dead wood cellulose + lignin", e.DeadWoodCellulose, e.DeadWoodLignin);
        if (e.LeafLitterCn < e.LeafCn)
            throw new InvalidInputException(file, "line 20", e.LeafLitterCn.ToString(CultureInfo.InvariantCulture), $"leaf litter C:N >= leaf C:N ({e.LeafCn.ToString(CultureInfo.InvariantCulture)})");
        if (e.Woody)
        {
            if (e.LiveWoodCn <= 0)
                throw new InvalidInputException(file, "line 22", e.LiveWoodCn.ToString(CultureInfo.InvariantCulture), "live wood C:N > 0 for a woody type");
            if (e.DeadWoodCn < e.LiveWoodCn)
                throw new InvalidInputException(file, "line 23", e.DeadWoodCn.ToString(CultureInfo.InvariantCulture), $"dead wood C:N >= live wood C:N ({e.LiveWoodCn.ToString(CultureInfo.InvariantCulture)}) for a woody type");
        }
        if (e.PsiClose >= e.PsiOpen)
            throw new InvalidInputException(file, "line 42", e.PsiClose.ToString(CultureInfo.InvariantCulture), $"a water potential below the start value ({e.PsiOpen.ToString(CultureInfo.InvariantCulture)} MPa)");
        if (e.VpdClose <= e.VpdOpen)
            throw new InvalidInputException(file, "line 44", e.VpdClose.ToString(CultureInfo.InvariantCulture), $"a VPD above the start value ({e.VpdOpen.ToString(CultureInfo.InvariantCulture)} Pa)");
        if (!e.ModelPhenology && !e.Evergreen && !(e.OnsetYearDay == -1 && e.OffsetYearDay == -1) && (e.OnsetYearDay < 0 || e.OffsetYearDay <= e.OnsetYearDay - 1))
            throw new InvalidInputException(file, "line 7", e.OffsetYearDay.ToString(CultureInfo.InvariantCulture), $"an offset yearday after the onset yearday ({e.OnsetYearDay}) for user phenology, or -1/-1");
    }

    /// <summary>
    /// Fractions on consecutive lines starting at <paramref name="line"/> must sum to 1 (±<see cref="FractionSumTolerance"/>).
    /// The message gives the sum to 6 significant digits and lists the fractions, e.g.
    /// <c>got '1.06 (0.39 + 0.37 + 0.3)', expected leaf litter labile + cellulose + lignin summing to 1</c>.
    /// </summary>
    private static void CheckSum(string file, int line, string what, params double[] fractions)
    {
        double sum = 0.0;
        foreach (var f in fractions) sum += f;
        if (Math.Abs(sum - 1.0) > FractionSumTolerance)
        {
            string G6(double x) => x.ToString("G6", CultureInfo.InvariantCulture);
            string terms = string.Join(" + ", fractions.Select(G6));
            throw new InvalidInputException(file, $"lines {line}-{line + fractions.Length - 1}", $"{G6(sum)} ({terms})", $"{what} summing to 1");
        }
    }

    private static string FirstToken(string line)
    {
        var t = line.Trim();
        int i = 0;
        while (i < t.Length && !char.IsWhiteSpace(t[i])) i++;
        return t[..i];
    }

    private sealed class Parser(string file, List<string> lines)
    {
        private string Token(int line) => FirstToken(lines[line - 1]);

        public bool Flag(int line, string what)
        {
            string t = Token(line);
            return t switch
            {
                "1" => true,
                "0" => false,
                _ => throw new InvalidInputException(file, $"line {line}", t, $"0 or 1 ({what})"),
            };
        }

        public int Int(int line, string what, int min, int max)
        {
            string t = Token(line);
            if (!int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v))
                throw new InvalidInputException(file, $"line {line}", t, $"an integer ({what})");
            if (v < min || v > max)
                throw new InvalidInputException(file, $"line {line}", t, $"{what} in [{min}, {max}]");
            return v;
        }

        public double Num(int line, string what, double min, double max)
        {
            string t = Token(line);
            if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
                throw new InvalidInputException(file, $"line {line}", t, $"a number ({what})");
            if (v < min || v > max)
            {
                string range = max == double.MaxValue ? $">= {min.ToString(CultureInfo.InvariantCulture)}"
                    : min == double.MinValue ? $"<= {max.ToString(CultureInfo.InvariantCulture)}"
                    : $"in [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}]";
                throw new InvalidInputException(file, $"line {line}", t, $"{what} {range}");
            }
            return v;
        }

        public double Positive(int line, string what)
        {
            double v = Num(line, what, 0, double.MaxValue);
            if (v <= 0)
                throw new InvalidInputException(file, $"line {line}", Token(line), $"{what} > 0");
            return v;
        }
    }
}
