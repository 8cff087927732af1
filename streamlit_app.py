"""geobrief's Streamlit app (placeholder until the app issue lands)."""

import streamlit as st

st.set_page_config(page_title="geobrief", layout="wide")
st.title("geobrief")
st.write("The app is being built; run `geobrief map seeds/*.txt -o map.html` meanwhile.")
