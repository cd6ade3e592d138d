/// Version information written into outputs and fingerprints.
public enum SelarasInfo {
    public static let name = "Selaras"
    public static let version = "0.1.0"
}
