//! Risk badge and warning list for a creator or a campaign (placeholder, being written).
