// Stylesheets imported by client components mean nothing under jsdom: Jest maps them here (jest.config.cjs).
module.exports = {};
