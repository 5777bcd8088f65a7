namespace CarbonSim.Model.Point;

/// <summary>
/// What the point driver needs from the kernel for one simulated day, in internal units. The kernel
/// adapter fills it from the kernel's daily observer. Sign conventions follow BIOME-BGC's summary
/// variables (science notes §1.8): NEP = NPP − HR; <see cref="NeeUptakePositive"/> = NEP − fire,
/// positive when the cell takes up carbon.
/// </summary>
public struct PointDay
{
    /// <summary>[kgC m-2 d-1] Gross primary production (already N-limited).</summary>
    public double Gpp;
    /// <summary>[kgC m-2 d-1] Net primary production, GPP − MR − GR.</summary>
    public double Npp;
    /// <summary>[kgC m-2 d-1] Net ecosystem production, NPP − HR.</summary>
    public double Nep;
    /// <summary>[kgC m-2 d-1] BIOME-BGC "NEE": NEP − fire loss, positive for uptake.</summary>
    public double NeeUptakePositive;
    /// <summary>[kgC m-2 d-1] Maintenance respiration.</summary>
    public double Mr;
    /// <summary>[kgC m-2 d-1] Growth respiration.</summary>
    public double Gr;
    /// <summary>[kgC m-2 d-1] Heterotrophic respiration.</summary>
    public double Hr;
    /// <summary>[kgC m-2 d-1] Carbon lost to fire.</summary>
    public double Fire;
    /// <summary>[kg m-2 d-1] Evapotranspiration = <see cref="Evap"/> + <see cref="Trans"/>.</summary>
    public double Et;
    /// <summary>[kg m-2 d-1] Canopy evaporation + soil evaporation + snow sublimation.</summary>
    public double Evap;
    /// <summary>[kg m-2 d-1] Transpiration.</summary>
    public double Trans;
    /// <summary>[kg m-2 d-1] Soil water outflow (drainage + runoff).</summary>
    public double Outflow;
    /// <summary>[kg m-2 d-1] Precipitation (after the CLIM_CHANGE multiplier).</summary>
    public double Prcp;
    /// <summary>[°C] Daily mean air temperature.</summary>
    public double Tavg;
    /// <summary>[ppm] Atmospheric CO2 used that day.</summary>
    public double Co2;
    /// <summary>[m2 m-2] Projected leaf area index.</summary>
    public double ProjLai;
    /// <summary>[kg m-2] Soil water at the end of the day.</summary>
    public double SoilWater;
    /// <summary>[m3 m-3] Volumetric soil water content at the end of the day.</summary>
    public double Vwc;
    /// <summary>[kgC m-2] Displayed leaf carbon at the end of the day.</summary>
    public double LeafC;
    /// <summary>[kgC m-2] Displayed fine-root carbon.</summary>
    public double FrootC;
    /// <summary>[kgC m-2] Total vegetation carbon (all plant pools incl. storage, transfer, C pool).</summary>
    public double VegC;
    /// <summary>[kgC m-2] Litter carbon including coarse woody debris.</summary>
    public double LitterCInclCwd;
    /// <summary>[kgC m-2] Coarse woody debris carbon.</summary>
    public double CwdC;
    /// <summary>[kgC m-2] Soil organic carbon (4 pools).</summary>
    public double SoilC;
    /// <summary>[kgC m-2] Total ecosystem carbon.</summary>
    public double TotalC;
    /// <summary>[kgN m-2] Soil mineral N.</summary>
    public double SoilMineralN;
}
