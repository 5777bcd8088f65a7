using CarbonSim.Model.Climate;
using CarbonSim.Model.Management;
using CarbonSim.Model.Parameters;
using CarbonSim.Model.Processes;

namespace CarbonSim.Model.Kernel;

/// <summary>
/// The process model of one cell type: built once from vegetation, site and met (plus optional
/// climate-change offsets), precomputing everything fixed for the run — soil hydraulics (Cosby),
/// air pressure, derived daily met (Tday, Tnight, soil-temperature running mean, PAR, conductance
/// correction), phenology signals for every met year and the long-term mean air temperature.
/// Immutable and thread-safe; the mutable part is the <see cref="CellState"/> passed in.
/// </summary>
public sealed class CellModel
{
    public EcophysParameters Ecophys { get; }
    public SiteParameters Site { get; }
    public MetSeries Met { get; }
    public ClimateOffsets Offsets { get; }
    public VegetationConstants Vegetation { get; }
    public SoilWater Soil { get; }
    public PhenologySignals Signals { get; }
    /// <summary>The crop calendar of a managed cropland type (<see cref="EcophysParameters.Management"/>), or null: no management, BIOME-BGC unchanged.</summary>
    public CropCalendar? Crops { get; }
    /// <summary>The urban-green schedule of a managed urban-green column (<see cref="EcophysParameters.UrbanGreen"/>), or null: unmanaged, BIOME-BGC unchanged.</summary>
    public UrbanGreenCalendar? UrbanGreen { get; }
    /// <summary>The felling of a harvested forest column (<see cref="EcophysParameters.ForestHarvest"/>), or null: no harvest, BIOME-BGC unchanged.</summary>
    public ForestHarvestPractice? ForestHarvest { get; }
    /// <summary>[Pa] Air pressure from elevation.</summary>
    public double Pressure { get; }
    /// <summary>[°C] Mean air temperature of the whole (offset) met record.</summary>
    public double LongTermMeanTavg { get; }
    /// <summary>[-] Number of met years.</summary>
    public int MetYears => Met.YearCount;
    /// <summary>Cell label used in balance errors.</summary>
    public string Label { get; }

    // per-day derived met, index = metYear * 365 + yday0
    internal readonly double[] Tmax, Tmin, Tavg, Tday, Tnight, TsoilRunningMean, Prcp, Vpd, Shortwave, Par, DayLength, Gcorr;
    /// <summary>Per-day values that need transcendental functions, computed once (both snow states for soil temperature).</summary>
    internal readonly DayMet[] Days;

    public CellModel(EcophysParameters ecophys, SiteParameters site, MetSeries met, ClimateOffsets? offsets = null, string label = "cell")
    {
        Ecophys = ecophys ?? throw new ArgumentNullException(nameof(ecophys));
        Site = site ?? throw new ArgumentNullException(nameof(site));
        Met = met ?? throw new ArgumentNullException(nameof(met));
        Offsets = offsets ?? ClimateOffsets.None;
        Label = label;
        if (Math.Abs(site.SandPercent + site.SiltPercent + site.ClayPercent - 100.0) > 1e-6)
            throw new InvalidInputException("site", "sand/silt/clay", $"{site.SandPercent}+{site.SiltPercent}+{site.ClayPercent}", "percentages summing to 100");
        if (site.SoilDepth <= 0)
            throw new InvalidInputException("site", "soil depth", site.SoilDepth.ToString(System.Globalization.CultureInfo.InvariantCulture), "a depth > 0 m");
        Crops = ecophys.Management is { } rotation ? new CropCalendar(rotation) : null;
        UrbanGreen = ecophys.UrbanGreen is { } practice ? new UrbanGreenCalendar(practice, ecophys.Woody) : null;
        ForestHarvest = ecophys.ForestHarvest;
        Vegetation = Crops?.Vegetation[0] ?? new VegetationConstants(ecophys);
        Soil = new SoilWater(site);
        Pressure = MetDerived.AirPressure(site.Elevation);

        int n = met.DayCount;
        Tmax = new double[n]; Tmin = new double[n]; Tavg = new double[n]; Tday = new double[n]; Tnight = new double[n];
        Prcp = new double[n]; Vpd = new double[n]; Shortwave = new double[n]; Par = new double[n]; DayLength = new double[n]; Gcorr = new double[n];
        var prcpCm = new double[n];
        var o = Offsets;
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            Tmax[i] = met.Tmax[i] + o.TmaxOffset;
            Tmin[i] = met.Tmin[i] + o.TminOffset;
            Tavg[i] = (Tmax[i] + Tmin[i]) / 2.0;
            Tday[i] = MetDerived.DaylightTemperature(Tmax[i], Tavg[i]);
            Tnight[i] = MetDerived.NightTemperature(Tday[i], Tmin[i]);
            Prcp[i] = met.Prcp[i] * o.PrcpMultiplier;
            prcpCm[i] = Prcp[i] / Io.BiomeBgc.MetReader.KgPerM2PerCm;
            Vpd[i] = met.Vpd[i] * o.VpdMultiplier;
            Shortwave[i] = Math.Max(0.0, met.Srad[i] * o.ShortwaveMultiplier);
            Par[i] = Shortwave[i] * KernelConstants.ParFraction;
            DayLength[i] = Math.Max(0.0, met.DayLength[i]);
            Gcorr[i] = PenmanMonteith.ConductanceCorrection(Tday[i], Pressure);
            sum += Tavg[i];
        }
        LongTermMeanTavg = sum / n;
        TsoilRunningMean = MetDerived.TrailingWeightedMean(Tavg, KernelConstants.SoilTemperatureWindow);
        Signals = Crops is null ? PhenologySignals.Build(ecophys, met, Tavg, TsoilRunningMean, Tmax, Tmin, prcpCm)
            : PhenologySignals.FromCalendar(Crops, met.YearCount);
        Days = new DayMet[n];
        for (int i = 0; i < n; i++)
        {
            double bare = MetDerived.SoilTemperature(TsoilRunningMean[i], LongTermMeanTavg, false);
            double snow = MetDerived.SoilTemperature(TsoilRunningMean[i], LongTermMeanTavg, true);
            Days[i] = new DayMet
            {
                TsoilBare = bare, TsoilSnow = snow,
                Q10Day = MaintenanceRespiration.Q10Factor(Tday[i]), Q10Night = MaintenanceRespiration.Q10Factor(Tnight[i]),
                Q10Avg = MaintenanceRespiration.Q10Factor(Tavg[i]),
                Q10SoilBare = MaintenanceRespiration.Q10Factor(bare), Q10SoilSnow = MaintenanceRespiration.Q10Factor(snow),
                DecompTBare = Decomposition.TemperatureScalar(bare), DecompTSnow = Decomposition.TemperatureScalar(snow),
                PenmanMonteith = new PenmanMonteith.Coefficients(Tday[i]),
                Kinetics = new Photosynthesis.Kinetics(Tday[i], Pressure),
            };
        }
    }

    /// <summary>
    /// Near-bare-ground initial state (BIOME-BGC "firstday"; science notes §1.6): leaf C split into
    /// displayed and transfer by turnover, fine roots by the allocation ratio, stem from the
    /// first-year maximum stem C, litter and soil empty unless given, soil water at
    /// <paramref name="soilWaterFractionOfSaturation"/> of saturation.
    /// </summary>
    public CellState BareGround(double firstYearMaxLeafC = 0.001, double firstYearMaxStemC = 0.0,
        double soilWaterFractionOfSaturation = 0.5, double snowWater = 0.0)
    {
        var e = Ecophys; var v = Vegetation;
        var s = new CellState
        {
            SoilWater = soilWaterFractionOfSaturation * Soil.WaterSaturation,
            SnowWater = snowWater,
        };
        if (Crops is not null) return s;   // managed cropland: no plant until the first sowing
        double maxLeaf = firstYearMaxLeafC;
        s.LeafTransferC = maxLeaf * v.LeafTurnover;
        s.LeafC = maxLeaf - s.LeafTransferC;
        double maxFroot = maxLeaf * e.AllocFrootLeaf;
        s.FrootTransferC = maxLeaf * e.AllocFrootLeaf * v.LeafTurnover;
        s.FrootC = maxFroot - s.FrootTransferC;
        if (v.Woody)
        {
            double newStem = s.LeafTransferC * e.AllocStemLeaf;
            s.LiveStemTransferC = newStem * e.AllocLiveTotalWood;
            s.LiveStemC = s.LiveStemTransferC / e.LiveWoodTurnover;
            s.DeadStemTransferC = newStem - s.LiveStemTransferC;
            s.DeadStemC = Math.Max(0.0, firstYearMaxStemC - s.LiveStemTransferC - s.LiveStemC - s.DeadStemTransferC);
            s.LiveCrootTransferC = s.LiveStemTransferC * e.AllocCrootStem;
            s.LiveCrootC = s.LiveStemC * e.AllocCrootStem;
            s.DeadCrootTransferC = s.DeadStemTransferC * e.AllocCrootStem;
            s.DeadCrootC = s.DeadStemC * e.AllocCrootStem;
        }
        s.LeafTransferN = s.LeafTransferC / e.LeafCn; s.LeafN = s.LeafC / e.LeafCn;
        s.FrootTransferN = s.FrootTransferC / e.FrootCn; s.FrootN = s.FrootC / e.FrootCn;
        if (v.Woody)
        {
            s.LiveStemTransferN = s.LiveStemTransferC / e.LiveWoodCn; s.LiveStemN = s.LiveStemC / e.LiveWoodCn;
            s.DeadStemTransferN = s.DeadStemTransferC / e.DeadWoodCn; s.DeadStemN = s.DeadStemC / e.DeadWoodCn;
            s.LiveCrootTransferN = s.LiveCrootTransferC / e.LiveWoodCn; s.LiveCrootN = s.LiveCrootC / e.LiveWoodCn;
            s.DeadCrootTransferN = s.DeadCrootTransferC / e.DeadWoodCn; s.DeadCrootN = s.DeadCrootC / e.DeadWoodCn;
        }
        // transfers already elapsed on day 1 (only when growth starts on day 0)
        int pre = Signals.ElapsedTransferDays[0], rem = Signals.RemainingTransferDays[0];
        if (pre > 0)
        {
            double p = (double)pre / (pre + rem);
            Move(ref s.LeafTransferC, ref s.LeafC, p); Move(ref s.LeafTransferN, ref s.LeafN, p);
            Move(ref s.FrootTransferC, ref s.FrootC, p); Move(ref s.FrootTransferN, ref s.FrootN, p);
            Move(ref s.LiveStemTransferC, ref s.LiveStemC, p); Move(ref s.LiveStemTransferN, ref s.LiveStemN, p);
            Move(ref s.DeadStemTransferC, ref s.DeadStemC, p); Move(ref s.DeadStemTransferN, ref s.DeadStemN, p);
            Move(ref s.LiveCrootTransferC, ref s.LiveCrootC, p); Move(ref s.LiveCrootTransferN, ref s.LiveCrootN, p);
            Move(ref s.DeadCrootTransferC, ref s.DeadCrootC, p); Move(ref s.DeadCrootTransferN, ref s.DeadCrootN, p);
        }
        s.GrowthRespTransferC = (s.LeafTransferC + s.FrootTransferC + s.LiveStemTransferC + s.DeadStemTransferC + s.LiveCrootTransferC + s.DeadCrootTransferC) * KernelConstants.GrowthRespFraction;
        if (v.Evergreen)
        {
            s.LeafLitterfallRate = maxLeaf * v.LeafTurnover / 365.0;
            s.FrootLitterfallRate = maxFroot * v.LeafTurnover / 365.0;
        }
        if (v.Woody)
        {
            s.LiveStemTurnoverRate = s.LiveStemC * e.LiveWoodTurnover / 365.0;
            s.LiveCrootTurnoverRate = s.LiveCrootC * e.LiveWoodTurnover / 365.0;
        }
        s.NextMetYear = 0;
        return s;
    }

    private static void Move(ref double from, ref double to, double fraction)
    {
        double x = fraction * from;
        to += x; from -= x;
    }

    /// <summary>Steps the state through met year <c>state.NextMetYear</c> (365 days).</summary>
    public AnnualSummary RunYear(CellState state, YearForcing forcing, IDailyObserver? daily = null)
        => RunYear(state, state.NextMetYear, forcing, daily);

    /// <summary>
    /// Steps <paramref name="state"/> through 365 days of met year <paramref name="metYearIndex"/>
    /// (taken modulo the record length) and returns the year's summary. Throws
    /// <see cref="MassBalanceException"/> if a daily water, C or N balance fails to close.
    /// </summary>
    public AnnualSummary RunYear(CellState state, int metYearIndex, YearForcing forcing, IDailyObserver? daily = null)
    {
        var acc = new YearAccumulator();
        RunYear(state, metYearIndex, forcing, ref acc, daily);
        return acc.ToSummary(state, metYearIndex % MetYears, forcing.Co2Ppm);
    }

    internal void RunYear(CellState state, int metYearIndex, YearForcing forcing, ref YearAccumulator acc, IDailyObserver? daily, PoolFluxRecorder? recorder = null)
    {
        int metYear = ((metYearIndex % MetYears) + MetYears) % MetYears;
        var f = new DailyFluxes();
        var d = new DayVars();
        var balance = BalanceCheck.Start(state);
        for (int yday = 0; yday < MetSeries.DaysPerYear; yday++)
        {
            int metDay = metYear * MetSeries.DaysPerYear + yday;
            DailyStep.Run(this, state, metDay, forcing, ref f, ref d);
            balance.Check(state, in f, Label, metDay);
            acc.Add(state, in f, in d);
            if (Crops is not null) acc.AddManagement(in f, Crops.SeasonOn(yday), Crops.Rotation.Seasons.Count);
            if (UrbanGreen is not null) acc.AddUrbanGreen(in f);
            if (ForestHarvest is not null) { acc.WoodHarvest += f.WoodHarvestC; acc.WoodHarvestN += f.WoodHarvestN; }
            recorder?.Add(state, in f);
            if (daily is not null) daily.OnDay(DailyStep.Output(state, in f, in d, metYear, yday + 1));
        }
        state.NextMetYear = (metYear + 1) % MetYears;
        state.YearsRun += 1;
    }
}

/// <summary>Per-day precomputed terms (see <see cref="CellModel"/>).</summary>
internal struct DayMet
{
    public double TsoilBare, TsoilSnow, Q10Day, Q10Night, Q10Avg, Q10SoilBare, Q10SoilSnow, DecompTBare, DecompTSnow;
    public PenmanMonteith.Coefficients PenmanMonteith;
    public Photosynthesis.Kinetics Kinetics;
}

/// <summary>Sums a year's daily values without allocating (one per RunYear).</summary>
internal struct YearAccumulator
{
    public double Gpp, Mr, Gr, Hr, Fire, Et, Evap, Trans, Outflow, Prcp, Tavg, SoilW, Vwc, MaxLai, MaxLeafC, SoilC, TotalC;
    /// <summary>Management sums (kg m-2 a-1): harvested C and N, grain C, seed C, fertiliser N, irrigation; grain C per season.</summary>
    public double Harvest, HarvestN, Grain, Seed, Fertiliser, Irrigation;
    public double[]? GrainBySeason;
    /// <summary>Urban green sums (kg m-2 a-1): C and N carried away (clippings, litter); set only with urban green management.</summary>
    public double Removed, RemovedN;
    /// <summary>Forest harvest sums (kg m-2 a-1): stem wood C and N carried away; 0 without forest harvest.</summary>
    public double WoodHarvest, WoodHarvestN;
    public bool UrbanGreen;

    public void AddUrbanGreen(in DailyFluxes f)
    {
        UrbanGreen = true;
        Removed += f.RemovedC; RemovedN += f.RemovedN;
        Fertiliser += f.FertiliserToMineralN; Irrigation += f.IrrigationToSoilWater;
    }

    public void AddManagement(in DailyFluxes f, int season, int seasons)
    {
        Harvest += f.HarvestC; HarvestN += f.HarvestN; Grain += f.LeafToGrainC; Seed += f.SeedC;
        Fertiliser += f.FertiliserToMineralN; Irrigation += f.IrrigationToSoilWater;
        GrainBySeason ??= new double[seasons];
        if (f.LeafToGrainC != 0.0) GrainBySeason[season] += f.LeafToGrainC;
    }

    public void Add(CellState s, in DailyFluxes f, in DayVars d)
    {
        Gpp += f.Gpp; Mr += f.Mr; Gr += f.Gr; Hr += f.Hr; Fire += f.FireC;
        Et += f.Et; Evap += f.CanopyEvaporation + f.SoilEvaporation + f.SnowSublimation; Trans += f.Transpiration;
        Outflow += f.Outflow; Prcp += d.Prcp; Tavg += d.Tavg; SoilW += s.SoilWater; Vwc += d.Vwc;
        if (d.ProjectedLai > MaxLai) MaxLai = d.ProjectedLai;
        if (s.LeafC > MaxLeafC) MaxLeafC = s.LeafC;
        SoilC += s.SoilC; TotalC += s.TotalC;
    }

    public readonly AnnualSummary ToSummary(CellState s, int metYear, double co2)
    {
        double npp = Gpp - Mr - Gr, nep = npp - Hr;
        return new AnnualSummary
        {
            MetYear = metYear, Co2 = co2,
            Gpp = Gpp, Npp = npp, Nep = nep, Nbp = (UrbanGreen ? nep - Fire - Removed : GrainBySeason is null ? nep - Fire : nep - Fire - Harvest + Seed) - WoodHarvest, Mr = Mr, Gr = Gr, Hr = Hr, Fire = Fire,
            Et = Et, Evaporation = Evap, Transpiration = Trans, Outflow = Outflow, Precipitation = Prcp,
            MeanTavg = Tavg / 365.0, MeanSoilWater = SoilW / 365.0, MeanVwc = Vwc / 365.0,
            MaxLai = MaxLai, MaxLeafC = MaxLeafC,
            LeafC = s.LeafC, FrootC = s.FrootC, VegetationC = s.VegetationC, LitterC = s.LitterC, CwdC = s.CwdC,
            SoilC = s.SoilC, TotalC = s.TotalC, MineralN = s.MineralN,
            SumDailySoilC = SoilC, SumDailyTotalC = TotalC,
            HarvestC = Harvest, HarvestN = HarvestN, WoodHarvestC = WoodHarvest, WoodHarvestN = WoodHarvestN, GrainC = Grain, SeedC = Seed, FertiliserN = Fertiliser, Irrigation = Irrigation,
            GrainCBySeason = GrainBySeason ?? [],
            RemovedC = Removed, RemovedN = RemovedN,
        };
    }
}
