"""geobrief's text side: gazetteer, mention finding, resolution, relation extraction, the Scene."""
