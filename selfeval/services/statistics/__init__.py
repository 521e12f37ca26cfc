"""Published statistics: the DfE's Explore Education Statistics files read into indicators."""
