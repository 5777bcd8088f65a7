namespace CarbonSim.Model.Parameters;

/// <summary>Physical site constants (the ini's SITE block, science notes §1.4).</summary>
public sealed record SiteParameters
{
    /// <summary>[m] Effective soil depth (corrected for rock fraction).</summary>
    public double SoilDepth { get; init; } = 1.0;
    /// <summary>[%] Sand percentage by volume in rock-free soil.</summary>
    public double SandPercent { get; init; } = 30;
    /// <summary>[%] Silt percentage.</summary>
    public double SiltPercent { get; init; } = 50;
    /// <summary>[%] Clay percentage.</summary>
    public double ClayPercent { get; init; } = 20;
    /// <summary>[m] Site elevation above sea level.</summary>
    public double Elevation { get; init; }
    /// <summary>[degrees] Latitude (negative in the southern hemisphere).</summary>
    public double Latitude { get; init; }
    /// <summary>[-] Shortwave albedo.</summary>
    public double Albedo { get; init; } = 0.2;
    /// <summary>[kgN m-2 a-1] Wet + dry atmospheric N deposition.</summary>
    public double NDeposition { get; init; }
    /// <summary>[kgN m-2 a-1] Symbiotic + asymbiotic N fixation.</summary>
    public double NFixation { get; init; }
}
