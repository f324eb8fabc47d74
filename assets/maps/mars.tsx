<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.10" tiledversion="1.10.2" name="mars" tilewidth="32" tileheight="32" tilecount="56" columns="8">
 <image source="../images/tiles/mars.png" width="256" height="224"/>
 <!-- wall_top -->
 <tile id="8">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- wall_top_edge -->
 <tile id="9">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- wall -->
 <tile id="10">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- wall_base -->
 <tile id="11">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- wall_pipes -->
 <tile id="12">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- wall_light -->
 <tile id="13">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- wall_vent -->
 <tile id="14">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- wall_sign -->
 <tile id="15">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- window.0,0 -->
 <tile id="16">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- window.1,0 -->
 <tile id="17">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- airlock.0,0 -->
 <tile id="18">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- airlock.1,0 -->
 <tile id="19">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- console.0,0 -->
 <tile id="20">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- console.1,0 -->
 <tile id="21">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- locker.0,0 -->
 <tile id="22">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- hydro.0,0 -->
 <tile id="23">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- window.0,1 -->
 <tile id="24">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- window.1,1 -->
 <tile id="25">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- airlock.0,1 -->
 <tile id="26">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- airlock.1,1 -->
 <tile id="27">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- console.0,1 -->
 <tile id="28">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- console.1,1 -->
 <tile id="29">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
  <animation>
   <frame tileid="29" duration="500"/>
   <frame tileid="32" duration="500"/>
   <frame tileid="33" duration="500"/>
  </animation>
 </tile>
 <!-- locker.0,1 -->
 <tile id="30">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- hydro.0,1 -->
 <tile id="31">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- console.1,1@1 -->
 <tile id="32">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- console.1,1@2 -->
 <tile id="33">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- terminal -->
 <tile id="34">
  <animation>
   <frame tileid="34" duration="700"/>
   <frame tileid="35" duration="500"/>
  </animation>
 </tile>
 <!-- wall_photo -->
 <tile id="36">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- rocks -->
 <tile id="37">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- bunk.0,0 -->
 <tile id="38">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- crate -->
 <tile id="40">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- chair -->
 <tile id="41">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- table -->
 <tile id="42">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- tanks -->
 <tile id="43">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- bunk.0,1 -->
 <tile id="46">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- suit.0,1 -->
 <tile id="47">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- planter -->
 <tile id="48">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
</tileset>
