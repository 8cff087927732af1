"""geobrief's drawing side: Scene to folium layers, offline HTML, GeoJSON and briefings."""
