namespace CarbonSim.Model.Kernel;

/// <summary>
/// Daily water, C and N balance (science notes §1 step 21): cumulative inputs − cumulative outputs −
/// storage must not drift from one day to the next by more than 1e-4 kg m-2 (water) or 1e-8
/// kg m-2 (C, N). Unlike the original, the previous balance lives here, not in static variables.
/// </summary>
internal struct BalanceCheck
{
    private double _water, _carbon, _nitrogen;

    public static BalanceCheck Start(CellState s) => new()
    {
        _water = s.CumWaterIn - s.CumWaterOut - s.TotalWater,
        _carbon = s.CumCarbonIn - s.CumCarbonOut - s.TotalC,
        _nitrogen = s.CumNitrogenIn - s.CumNitrogenOut - s.TotalN,
    };

    /// <summary>Adds the day's sources and sinks (with management: irrigation, seed and fertiliser in, harvest and urban-green clippings and litter out) to the state's cumulative terms and checks the drift.</summary>
    public void Check(CellState s, in DailyFluxes f, string cell, int day)
    {
        s.CumWaterIn += f.PrcpToCanopy + f.PrcpToSoil + f.PrcpToSnow + f.IrrigationToSoilWater;
        s.CumWaterOut += f.CanopyEvaporation + f.SoilEvaporation + f.Transpiration + f.SnowSublimation + f.Outflow + f.PrecisionLossWater;
        s.CumCarbonIn += f.Gpp + f.SeedC;
        s.CumCarbonOut += f.Mr + f.Gr + f.Hr + f.FireC + f.PrecisionLossC + f.HarvestC + f.RemovedC + f.WoodHarvestC;
        s.CumNitrogenIn += f.NDeposition + f.NFixation + f.NSupplement + f.FertiliserToMineralN + f.SeedN;
        s.CumNitrogenOut += f.MineralNVolatilised + f.MineralNDenitrified + f.MineralNLeached + f.FireN + f.PrecisionLossN + f.HarvestN + f.RemovedN + f.WoodHarvestN;

        double w = s.CumWaterIn - s.CumWaterOut - s.TotalWater;
        if (!(Math.Abs(w - _water) <= KernelConstants.WaterBalanceTolerance))
            throw new MassBalanceException("water", cell, day, w - _water, $"in {s.CumWaterIn:E6}, out {s.CumWaterOut:E6}, storage {s.TotalWater:E6}");
        double c = s.CumCarbonIn - s.CumCarbonOut - s.TotalC;
        if (!(Math.Abs(c - _carbon) <= KernelConstants.MassBalanceTolerance))
            throw new MassBalanceException("carbon", cell, day, c - _carbon, $"GPP {f.Gpp:E3}, MR {f.Mr:E3}, GR {f.Gr:E3}, HR {f.Hr:E3}, fire {f.FireC:E3}, seed {f.SeedC:E3}, harvest {f.HarvestC:E3}, urban green removal {f.RemovedC:E3}, storage {s.TotalC:E6}");
        double n = s.CumNitrogenIn - s.CumNitrogenOut - s.TotalN;
        if (!(Math.Abs(n - _nitrogen) <= KernelConstants.MassBalanceTolerance))
            throw new MassBalanceException("nitrogen", cell, day, n - _nitrogen, $"dep {f.NDeposition:E3}, fix {f.NFixation:E3}, supplement {f.NSupplement:E3}, volatilised {f.MineralNVolatilised:E3}, denitrified {f.MineralNDenitrified:E3}, leached {f.MineralNLeached:E3}, fire {f.FireN:E3}, fertiliser {f.FertiliserToMineralN:E3}, seed {f.SeedN:E3}, harvest {f.HarvestN:E3}, storage {s.TotalN:E6}");
        _water = w; _carbon = c; _nitrogen = n;
    }
}
