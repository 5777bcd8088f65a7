using System.Globalization;
using CarbonSim.Model.Parameters;

namespace CarbonSim.Model.Io.BiomeBgc;

/// <summary>
/// Reads a BIOME-BGC 4.2 initialization file unchanged (science notes §1.4): a free header line,
/// then the 15 keyword blocks in fixed order. Like BIOME-BGC, every value is the first
/// whitespace-separated token of its line (the rest is comment) and blank lines are skipped.
/// Unlike BIOME-BGC, every value is range-checked, and a failure names the file, the line, the
/// offending value and what was expected (<see cref="InvalidInputException"/>).
/// </summary>
public static class IniReader
{
    /// <summary>The 15 block keywords, in the order the file must give them.</summary>
    public static readonly IReadOnlyList<string> BlockOrder =
    [
        "MET_INPUT", "RESTART", "TIME_DEFINE", "CLIM_CHANGE", "CO2_CONTROL", "SITE", "RAMP_NDEP",
        "EPC_FILE", "W_STATE", "C_STATE", "N_STATE", "OUTPUT_CONTROL", "DAILY_OUTPUT", "ANNUAL_OUTPUT", "END_INIT",
    ];

    /// <summary>[%] Allowed deviation of sand + silt + clay from 100.</summary>
    public const double TextureTolerancePercent = 0.1;

    /// <summary>Reads and checks an ini file.</summary>
    /// <exception cref="InvalidInputException">Missing file, block out of order, bad or out-of-range value.</exception>
    public static BgcIni Read(string path)
    {
        if (!System.IO.File.Exists(path))
            throw new InvalidInputException(path, "file", path, "an existing BIOME-BGC .ini file");
        using var reader = new StreamReader(path);
        return Parse(reader, path);
    }

    /// <summary>Parses ini text; <paramref name="fileName"/> is used in error messages.</summary>
    public static BgcIni Parse(TextReader text, string fileName)
    {
        var c = new Cursor(text, fileName);
        string header = c.Header();

        c.Keyword("MET_INPUT");
        var met = new IniMetInput(c.Word("met file name"), c.Int("header lines in met file", min: 0));

        c.Keyword("RESTART");
        var restart = new IniRestart(
            c.Flag("read restart flag"), c.Flag("write restart flag"), c.Flag("use restart met-year flag"),
            c.Word("input restart file name"), c.Word("output restart file name"));

        c.Keyword("TIME_DEFINE");
        var time = new IniTime(
            c.Int("number of met data years", min: 1),
            c.Int("number of simulation years", min: 1),
            c.Int("first simulation year"),
            c.Flag("spinup flag (1 = spin-up, 0 = normal run)"),
            c.Int("maximum number of spin-up years", min: 1));

        c.Keyword("CLIM_CHANGE");
        var clim = new IniClimateChange(
            c.Double("Tmax offset (deg C)"), c.Double("Tmin offset (deg C)"),
            c.Double("precipitation multiplier", min: 0), c.Double("VPD multiplier", min: 0),
            c.Double("shortwave radiation multiplier", min: 0));

        c.Keyword("CO2_CONTROL");
        var (modeValue, modeLine) = c.Token("CO2 control mode");
        if (modeValue is not ("0" or "1" or "2"))
            throw c.Error(modeLine, "CO2 control mode", modeValue, "0 (constant), 1 (CO2 from annual file) or 2 (constant CO2, file for N deposition)");
        var co2 = new IniCo2Control((Co2Mode)(modeValue[0] - '0'),
            c.Double("constant atmospheric CO2 (ppm)", min: 0, exclusiveMin: true),
            c.Word("annual CO2 file name"));

        c.Keyword("SITE");
        double depth = c.Double("effective soil depth (m)", min: 0, exclusiveMin: true);
        int sandLine = c.NextLine;
        double sand = c.Double("sand percentage", min: 0, max: 100);
        double silt = c.Double("silt percentage", min: 0, max: 100);
        int clayLine = c.NextLine;
        double clay = c.Double("clay percentage", min: 0, max: 100);
        double sum = sand + silt + clay;
        if (Math.Abs(sum - 100) > TextureTolerancePercent)
            throw new InvalidInputException(fileName,
                $"lines {sandLine}-{clayLine} (SITE: sand + silt + clay)",
                $"{Fmt(sand)} + {Fmt(silt)} + {Fmt(clay)} = {Fmt(sum)}",
                $"sand + silt + clay = 100 % (within ±{Fmt(TextureTolerancePercent)})");
        var site = new SiteParameters
        {
            SoilDepth = depth,
            SandPercent = sand,
            SiltPercent = silt,
            ClayPercent = clay,
            Elevation = c.Double("site elevation (m)", min: -500, max: 9000),
            Latitude = c.Double("site latitude (degrees)", min: -90, max: 90),
            Albedo = c.Double("shortwave albedo", min: 0, max: 1),
            NDeposition = c.Double("N deposition (kgN m-2 a-1)", min: 0),
            NFixation = c.Double("N fixation (kgN m-2 a-1)", min: 0),
        };

        c.Keyword("RAMP_NDEP");
        var ramp = new IniRampNdep(c.Flag("ramped N deposition flag"), c.Int("reference year for industrial N deposition"),
            c.Double("industrial N deposition (kgN m-2 a-1)", min: 0));

        c.Keyword("EPC_FILE");
        string epc = c.Word("ecophysiological constants (.epc) file name");

        c.Keyword("W_STATE");
        var water = new IniWaterState(c.Double("initial snowpack water (kg m-2)", min: 0),
            c.Double("initial soil water as a proportion of saturation", min: 0, max: 1));

        c.Keyword("C_STATE");
        var carbon = new IniCarbonState(
            c.Double("first-year maximum leaf C (kgC m-2)", min: 0),
            c.Double("first-year maximum stem C (kgC m-2)", min: 0),
            c.Double("coarse woody debris C (kgC m-2)", min: 0),
            c.Double("litter C, labile (kgC m-2)", min: 0),
            c.Double("litter C, unshielded cellulose (kgC m-2)", min: 0),
            c.Double("litter C, shielded cellulose (kgC m-2)", min: 0),
            c.Double("litter C, lignin (kgC m-2)", min: 0),
            c.Double("soil C, fast pool (kgC m-2)", min: 0),
            c.Double("soil C, medium pool (kgC m-2)", min: 0),
            c.Double("soil C, slow pool (kgC m-2)", min: 0),
            c.Double("soil C, recalcitrant pool (kgC m-2)", min: 0));

        c.Keyword("N_STATE");
        var nitrogen = new IniNitrogenState(c.Double("litter N, labile (kgN m-2)", min: 0),
            c.Double("soil mineral N (kgN m-2)", min: 0));

        c.Keyword("OUTPUT_CONTROL");
        string prefix = c.Word("output file prefix");
        bool daily = c.Flag("daily output flag");
        bool monthly = c.Flag("monthly average flag");
        bool annualAvg = c.Flag("annual average flag");
        bool annual = c.Flag("annual output flag");
        bool onScreen = c.Flag("on-screen progress flag");

        c.Keyword("DAILY_OUTPUT");
        var dailyCodes = c.CodeList("daily");
        c.Keyword("ANNUAL_OUTPUT");
        var annualCodes = c.CodeList("annual");
        c.Keyword("END_INIT");

        return new BgcIni
        {
            SourceFile = fileName,
            Header = header,
            Met = met,
            Restart = restart,
            Time = time,
            ClimateChange = clim,
            Co2 = co2,
            Site = site,
            RampNdep = ramp,
            EpcFile = epc,
            WaterState = water,
            CarbonState = carbon,
            NitrogenState = nitrogen,
            Output = new IniOutput(prefix, daily, monthly, annualAvg, annual, onScreen, dailyCodes, annualCodes),
        };
    }

    private static string Fmt(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>Walks the first tokens of non-blank lines, remembering the current block for messages.</summary>
    private sealed class Cursor
    {
        private readonly TextReader _text;
        private readonly string _file;
        private int _lineNo;
        private string _block = "header";
        private (string Token, int Line)? _peeked;

        public Cursor(TextReader text, string file) { _text = text; _file = file; }

        /// <summary>[-] Line number the next value will come from (after skipping blank lines).</summary>
        public int NextLine => (_peeked ??= ReadToken())?.Line ?? _lineNo + 1;

        public string Header()
        {
            string? line = _text.ReadLine();
            _lineNo = 1;
            if (line is null)
                throw new InvalidInputException(_file, "line 1", "<empty file>", "a header line followed by the 15 BIOME-BGC ini blocks");
            return line.Trim();
        }

        private (string Token, int Line)? ReadToken()
        {
            string? line;
            while ((line = _text.ReadLine()) is not null)
            {
                _lineNo++;
                var trimmed = line.AsSpan().Trim();
                if (trimmed.IsEmpty) continue;
                int end = trimmed.IndexOfAny(' ', '\t');
                return ((end < 0 ? trimmed : trimmed[..end]).ToString(), _lineNo);
            }
            return null;
        }

        public (string Token, int Line) Token(string what)
        {
            var t = _peeked ?? ReadToken();
            _peeked = null;
            if (t is null)
                throw Error(_lineNo + 1, what, "<end of file>", $"the {what} of block {_block}");
            if (IniReader.BlockOrderIndex(t.Value.Token) >= 0)
                throw Error(t.Value.Line, what, t.Value.Token,
                    $"the {what} (found the next block keyword: a line of block {_block} is missing)");
            return t.Value;
        }

        public InvalidInputException Error(int line, string what, string value, string expected) =>
            new(_file, $"line {line} ({_block}: {what})", value, expected);

        public void Keyword(string keyword)
        {
            int index = IniReader.BlockOrderIndex(keyword);
            string prev = _block;
            _block = keyword;
            var t = _peeked ?? ReadToken();
            _peeked = null;
            if (t is null)
                throw new InvalidInputException(_file, $"line {_lineNo + 1} (after block {prev})", "<end of file>",
                    $"block keyword {keyword} (block {index + 1} of 15)");
            var (token, line) = t.Value;
            if (token != keyword)
            {
                string hint = IniReader.BlockOrderIndex(token) >= 0
                    ? $"; {token} is out of order or a line of block {prev} is missing"
                    : $"; a line is missing or extra in block {prev}";
                throw new InvalidInputException(_file, $"line {line} (after block {prev})", token,
                    $"block keyword {keyword} (block {index + 1} of 15{hint})");
            }
        }

        public string Word(string what) => Token(what).Token;

        public int Int(string what, int min = int.MinValue, int max = int.MaxValue)
        {
            var (token, line) = Token(what);
            if (!int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v))
                throw Error(line, what, token, "an integer");
            if (v < min || v > max)
                throw Error(line, what, token, Range(min, max, false));
            return v;
        }

        public bool Flag(string what)
        {
            var (token, line) = Token(what);
            return token switch
            {
                "0" => false,
                "1" => true,
                _ => throw Error(line, what, token, "a flag, 0 or 1"),
            };
        }

        public double Double(string what, double min = double.NegativeInfinity, double max = double.PositiveInfinity, bool exclusiveMin = false)
        {
            var (token, line) = Token(what);
            if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
                throw Error(line, what, token, "a finite number");
            if (v < min || v > max || (exclusiveMin && v == min))
                throw Error(line, what, token, Range(min, max, exclusiveMin));
            return v;
        }

        public IReadOnlyList<int> CodeList(string kind)
        {
            int n = Int($"number of {kind} output variables", min: 0, max: 10000);
            var codes = new int[n];
            for (int i = 0; i < n; i++)
                codes[i] = Int($"{kind} output variable {i + 1} of {n} (output-map index)", min: 0);
            return codes;
        }

        private static string Range(double min, double max, bool exclusiveMin)
        {
            string lo = min.ToString(CultureInfo.InvariantCulture), hi = max.ToString(CultureInfo.InvariantCulture);
            if (double.IsNegativeInfinity(min) || min == int.MinValue) return $"a value <= {hi}";
            if (double.IsPositiveInfinity(max) || max == int.MaxValue) return exclusiveMin ? $"a value > {lo}" : $"a value >= {lo}";
            return exclusiveMin ? $"a value in ({lo}, {hi}]" : $"a value in [{lo}, {hi}]";
        }
    }

    private static int BlockOrderIndex(string keyword)
    {
        for (int i = 0; i < BlockOrder.Count; i++)
            if (BlockOrder[i] == keyword) return i;
        return -1;
    }
}
